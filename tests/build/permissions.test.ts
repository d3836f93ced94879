// The built manifests ask for exactly the permissions docs/permissions.md documents, each with a reason.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readManifest, TARGETS, type Manifest, type Target } from '../support/build';

interface Row {
  entry: string;
  key: string;
  chrome: boolean;
  firefox: boolean;
  why: string;
}

/** The permissions table of docs/permissions.md. */
function documented(): Row[] {
  const doc = readFileSync(resolve(import.meta.dirname, '../../docs/permissions.md'), 'utf8');
  const rows: Row[] = [];
  for (const line of doc.split('\n')) {
    const cells = line.split('|').map((c) => c.trim());
    // | `entry` | key | yes/no | yes/no | why |
    if (cells.length !== 7 || !/^`[^`]+`$/.test(cells[1]!)) continue;
    rows.push({
      entry: cells[1]!.slice(1, -1),
      key: cells[2]!.replaceAll('`', ''),
      chrome: cells[3] === 'yes',
      firefox: cells[4] === 'yes',
      why: cells[5]!,
    });
  }
  return rows;
}

/** Which manifest field a documented key names for a target. */
function fieldFor(
  key: string,
  target: Target,
): keyof Manifest | 'content_scripts.matches' | 'web_accessible_resources' {
  if (key === 'permissions') return 'permissions';
  if (key === 'web_accessible_resources') return 'web_accessible_resources';
  if (key === 'content_scripts.matches') return 'content_scripts.matches';
  if (key.startsWith('optional_host_permissions')) {
    return target === 'chrome-mv3' ? 'optional_host_permissions' : 'optional_permissions';
  }
  throw new Error(`unknown manifest key in docs/permissions.md: ${key}`);
}

function actual(manifest: Manifest, field: ReturnType<typeof fieldFor>): string[] {
  if (field === 'content_scripts.matches') return (manifest.content_scripts ?? []).flatMap((c) => c.matches);
  if (field === 'web_accessible_resources') return webAccessible(manifest).flatMap((w) => w.resources);
  return (manifest[field] as string[] | undefined) ?? [];
}

/** MV3 lists objects, MV2 plain paths (available to every page). */
function webAccessible(
  manifest: Manifest,
): { resources: string[]; matches?: string[]; use_dynamic_url?: boolean }[] {
  const raw = ((manifest as Record<string, unknown>).web_accessible_resources ?? []) as unknown[];
  return raw.map((w) => (typeof w === 'string' ? { resources: [w] } : (w as { resources: string[] })));
}

const FIELDS = [
  'permissions',
  'optional_permissions',
  'host_permissions',
  'optional_host_permissions',
] as const;

describe('docs/permissions.md', () => {
  it('documents every entry with a reason', () => {
    const rows = documented();
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) expect(row.why.length, row.entry).toBeGreaterThan(20);
  });
});

describe.each(TARGETS)('%s manifest permissions', (target) => {
  it('are exactly the documented ones', () => {
    const manifest = readManifest(target);
    const rows = documented().filter((r) => (target === 'chrome-mv3' ? r.chrome : r.firefox));
    const expected: Record<string, string[]> = {};
    for (const row of rows) (expected[fieldFor(row.key, target)] ??= []).push(row.entry);
    const got: Record<string, string[]> = {};
    for (const field of [...FIELDS, 'content_scripts.matches', 'web_accessible_resources'] as const) {
      const values = actual(manifest, field);
      if (values.length) got[field] = [...new Set(values)].sort();
    }
    for (const field of Object.keys(expected)) expected[field] = [...new Set(expected[field])].sort();
    expect(got).toEqual(expected);
  });

  it('grants no host access at install and opens no doors to other extensions or pages', () => {
    const manifest = readManifest(target);
    expect(manifest.host_permissions ?? []).toEqual([]);
    expect(manifest).not.toHaveProperty('externally_connectable');
    // The web-accessible files are the page analysis and the checkout analysis it imports; in Chrome only at a
    // per-session URL, on web pages.
    const scripts = ['page-analysis.js', 'checkout-analysis.js'];
    expect(webAccessible(manifest).flatMap((w) => w.resources)).toEqual(scripts);
    if (target === 'chrome-mv3')
      expect(webAccessible(manifest)).toEqual([
        { resources: scripts, matches: ['http://*/*', 'https://*/*'], use_dynamic_url: true },
      ]);
    expect(JSON.stringify(manifest)).not.toContain('<all_urls>');
  });
});
