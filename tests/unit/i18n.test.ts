import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CATEGORY_IDS, STANCES } from '@/lib/classify/taxonomy';
import {
  categoryMeaningKey,
  categoryNameKey,
  createTranslator,
  getMessageFromCatalogue,
  stanceKey,
} from '@/lib/i18n';

const dir = resolve(__dirname, '../../public/_locales');
type Catalogue = Record<
  string,
  { message: string; description?: string; placeholders?: Record<string, { content: string }> }
>;
const load = (locale: string): Catalogue =>
  JSON.parse(readFileSync(resolve(dir, locale, 'messages.json'), 'utf8'));
const en = load('en');

describe('_locales', () => {
  it('English has a name and meaning for every category and a label for every stance', () => {
    for (const id of CATEGORY_IDS) {
      expect(en[categoryNameKey(id)]?.message, id).toBeTruthy();
      expect(en[categoryMeaningKey(id)]?.message, id).toBeTruthy();
    }
    for (const s of STANCES) expect(en[stanceKey(s)]?.message, s).toBeTruthy();
  });

  it.each(readdirSync(dir))(
    '%s: valid Chrome message keys, every $PLACEHOLDER$ defined, subset of English',
    (locale) => {
      const cat = load(locale);
      expect(cat.extName?.message).toBeTruthy();
      expect(cat.extDescription?.message).toBeTruthy();
      for (const [key, entry] of Object.entries(cat)) {
        expect(key).toMatch(/^[A-Za-z0-9_@]+$/);
        expect(en[key], `${locale}:${key} not in en`).toBeDefined();
        for (const name of entry.message.matchAll(/\$([A-Za-z0-9_@]+)\$/g))
          expect(
            Object.keys(entry.placeholders ?? {}).map((k) => k.toLowerCase()),
            `${locale}:${key}`,
          ).toContain(name[1]!.toLowerCase());
        // Placeholders a translation uses must be the ones English defines (same substitution order).
        if (entry.placeholders)
          expect(Object.keys(entry.placeholders).sort(), `${locale}:${key}`).toEqual(
            Object.keys(en[key]!.placeholders ?? {}).sort(),
          );
      }
    },
  );
});

describe('createTranslator', () => {
  const t = createTranslator(getMessageFromCatalogue(en));
  it('substitutes named placeholders like the browser does', () => {
    expect(t('popup_compare_count', [4, 23])).toBe('4 of your 23 tracked policies do this');
    expect(t('popup_unsupported_language', ['French'])).toContain('This policy is in French.');
  });
  it('shows the key, not a blank, for a message missing everywhere', () => {
    const missing = createTranslator(() => '');
    expect(missing('popup_loading')).toBe('popup_loading');
  });
  it('survives a throwing getMessage', () => {
    const throwing = createTranslator(() => {
      throw new Error('bad');
    });
    expect(throwing('extName')).toBe('extName');
  });
});

describe('createTranslator remembers', () => {
  it('asks the catalogue once per key and substitutions', () => {
    const asked: string[] = [];
    const t = createTranslator((key, subs) => {
      asked.push(`${key}|${String(subs ?? '')}`);
      return key === 'bar_count' ? `n=${String(subs)}` : '';
    });
    expect(t('bar_count' as never, [3])).toBe('n=3');
    expect(t('bar_count' as never, [3])).toBe('n=3');
    expect(t('bar_count' as never, [4])).toBe('n=4');
    // A missing key still comes back as itself, also from the cache.
    expect(t('no_such_key' as never)).toBe('no_such_key');
    expect(t('no_such_key' as never)).toBe('no_such_key');
    expect(asked).toEqual(['bar_count|3', 'bar_count|4', 'no_such_key|']);
  });
});
