// The user's settings as the page scripts read them (lib/page-settings.ts). Team-written values.
import { describe, expect, it } from 'vitest';
import { CATEGORY_IDS } from '@/lib/classify/taxonomy';
import { isSiteDisabled, pageSettingsFrom, readPageSettings, settingsChange } from '@/lib/page-settings';
import { DEFAULT_SETTINGS } from '@/lib/settings';

describe('pageSettingsFrom', () => {
  it('is the defaults for nothing stored, or something that is not an object', () => {
    const defaults = {
      disabledSites: DEFAULT_SETTINGS.disabledSites,
      shownCategories: [...CATEGORY_IDS],
      highlights: DEFAULT_SETTINGS.highlights,
    };
    for (const stored of [undefined, null, 'settings', 3, []])
      expect(pageSettingsFrom(stored)).toEqual(defaults);
  });

  it('keeps well-typed fields and drops malformed ones, field by field', () => {
    const got = pageSettingsFrom({
      disabledSites: ['example.com', 7, null],
      shownCategories: [CATEGORY_IDS[0], 'not-a-category'],
      highlights: 'no',
    });
    expect(got).toEqual({
      disabledSites: ['example.com'],
      shownCategories: [CATEGORY_IDS[0]],
      highlights: DEFAULT_SETTINGS.highlights,
    });
    expect(pageSettingsFrom({ highlights: false }).highlights).toBe(false);
  });
});

describe('readPageSettings', () => {
  it('reads the stored settings', async () => {
    const storage = { get: async () => ({ settings: { highlights: false } }) };
    expect((await readPageSettings(storage)).highlights).toBe(false);
  });

  it('falls back to the defaults when storage fails', async () => {
    const storage = { get: () => Promise.reject(new Error('quota')) };
    expect(await readPageSettings(storage)).toEqual(pageSettingsFrom(undefined));
  });
});

describe('isSiteDisabled', () => {
  it('matches the host, its subdomains and a leading wildcard, in any case', () => {
    expect(isSiteDisabled('example.com', ['example.com'])).toBe(true);
    expect(isSiteDisabled('www.Example.com', ['EXAMPLE.com'])).toBe(true);
    expect(isSiteDisabled('a.example.com', ['*.example.com'])).toBe(true);
    expect(isSiteDisabled('notexample.com', ['example.com'])).toBe(false);
    expect(isSiteDisabled('example.com.evil.net', ['example.com'])).toBe(false);
    expect(isSiteDisabled('example.com', [])).toBe(false);
  });
});

describe('settingsChange', () => {
  const [a, b] = CATEGORY_IDS;
  const current = { highlights: true, shown: new Set<string>([a!, b!]), hasReport: true };
  const next = (over: Partial<ReturnType<typeof pageSettingsFrom>>) => ({
    disabledSites: [],
    shownCategories: [a!, b!],
    highlights: true,
    ...over,
  });

  it('switches the page off when its site (or a parent domain) is now disabled, whatever else changed', () => {
    expect(settingsChange(current, next({ disabledSites: ['example.com'] }), 'docs.example.com')).toEqual({
      action: 'switch-off',
    });
    expect(
      settingsChange(current, next({ disabledSites: ['example.com'], highlights: false }), 'example.com'),
    ).toEqual({ action: 'switch-off' });
    expect(settingsChange(current, next({ disabledSites: ['other.org'] }), 'example.com').action).toBe(
      'none',
    );
  });

  it('follows highlights turned on or off before anything else', () => {
    expect(settingsChange(current, next({ highlights: false, shownCategories: [a!] }), 'x.org')).toEqual({
      action: 'highlights',
      on: false,
    });
    expect(settingsChange({ ...current, highlights: false }, next({}), 'x.org')).toEqual({
      action: 'highlights',
      on: true,
    });
  });

  it('places the marks again when other categories are shown, only if there is a report to place', () => {
    expect(settingsChange(current, next({ shownCategories: [a!] }), 'x.org').action).toBe('relocate');
    expect(settingsChange(current, next({ shownCategories: [b!, a!] }), 'x.org').action).toBe('none');
    expect(settingsChange(current, next({ shownCategories: [a!, CATEGORY_IDS[2]!] }), 'x.org').action).toBe(
      'relocate',
    );
    expect(
      settingsChange({ ...current, hasReport: false }, next({ shownCategories: [a!] }), 'x.org').action,
    ).toBe('none');
  });
});
