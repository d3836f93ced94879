// Shape of the built manifests: the right manifest version and background per browser, localised name, a
// Firefox id with the data-collection declaration, and files the manifest names actually exist.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildDir, buildFiles, readManifest, TARGETS } from '../support/build';

describe('chrome-mv3 manifest', () => {
  const manifest = () => readManifest('chrome-mv3');
  it('is MV3 with a service worker and an action popup', () => {
    const m = manifest();
    expect(m.manifest_version).toBe(3);
    expect(m.background).toEqual({ service_worker: 'background.js' });
    expect((m.action as { default_popup?: string }).default_popup).toBe('popup.html');
  });
});

describe('firefox-mv2 manifest', () => {
  const manifest = () => readManifest('firefox-mv2');
  it('is MV2 with background scripts, a browser action and a gecko id', () => {
    const m = manifest();
    expect(m.manifest_version).toBe(2);
    expect((m.background as { scripts?: string[] }).scripts).toEqual(['background.js']);
    expect((m.browser_action as { default_popup?: string }).default_popup).toBe('popup.html');
    const gecko = (m.browser_specific_settings as { gecko: Record<string, unknown> }).gecko;
    expect(gecko.id).toMatch(/@/);
    // "none": Firefox shows users that the add-on collects and transmits nothing.
    expect(gecko.data_collection_permissions).toEqual({ required: ['none'] });
  });

  it('states the minimum Firefox versions the README gives (140: the CSS Custom Highlight API)', () => {
    const settings = manifest().browser_specific_settings as Record<string, { strict_min_version?: string }>;
    const readme = readFileSync(join(import.meta.dirname, '../../README.md'), 'utf8');
    const desktop = /Firefox (\d+) or later/.exec(readme)?.[1];
    const android = /Firefox for Android (\d+) or later/.exec(readme)?.[1];
    expect(settings.gecko!.strict_min_version).toBe('140.0');
    expect(settings.gecko!.strict_min_version).toBe(`${desktop}.0`);
    expect(settings.gecko_android!.strict_min_version).toBe(`${android}.0`);
  });
});

describe.each(TARGETS)('%s build', (target) => {
  it('names itself through _locales, and every __MSG_ key it uses exists in English', () => {
    const m = readManifest(target);
    expect(m.default_locale).toBe('en');
    const messages = JSON.parse(
      readFileSync(join(buildDir(target), '_locales/en/messages.json'), 'utf8'),
    ) as Record<string, { message: string }>;
    const keys = [...JSON.stringify(m).matchAll(/__MSG_(\w+)__/g)].map((x) => x[1]!);
    expect(keys).toContain('extName');
    for (const key of keys) expect(messages[key]?.message, key).toBeTruthy();
  });

  it('every file the manifest references is in the build', () => {
    const m = readManifest(target);
    const referenced = [
      ...(m.content_scripts ?? []).flatMap((c) => [...(c.js ?? []), ...(c.css ?? [])]),
      ...(((m.background as { scripts?: string[] }).scripts ?? []) as string[]),
      ...[(m.background as { service_worker?: string }).service_worker].filter((x): x is string => !!x),
      ...[
        (m.action as { default_popup?: string } | undefined)?.default_popup,
        (m.browser_action as { default_popup?: string } | undefined)?.default_popup,
        (m.options_ui as { page?: string } | undefined)?.page,
      ].filter((x): x is string => !!x),
      ...Object.values((m.icons as Record<string, string> | undefined) ?? {}),
    ];
    expect(referenced.length).toBeGreaterThan(2);
    for (const file of referenced) expect(existsSync(join(buildDir(target), file)), file).toBe(true);
  });

  // Declared by hand in wxt.config.ts (not through WXT's content-script wrapper), so checked here.
  it('runs one content script, the every-page script, on web pages once they are idle', () => {
    expect(readManifest(target).content_scripts).toEqual([
      { matches: ['http://*/*', 'https://*/*'], js: ['every-page.js'], run_at: 'document_idle' },
    ]);
  });

  it('keeps the default content security policy (no unsafe-eval, no remote script sources)', () => {
    const m = readManifest(target);
    const csp = JSON.stringify(m.content_security_policy ?? '');
    expect(csp).not.toMatch(/unsafe-eval|unsafe-inline|https?:|wasm-unsafe-eval/);
  });

  it('ships no source maps or test hooks', () => {
    const files = buildFiles(target);
    expect(files.filter((f) => f.endsWith('.map'))).toEqual([]);
    expect(files.filter((f) => /test|fixture|bench/i.test(f))).toEqual([]);
  });
});
