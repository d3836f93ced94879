import { describe, expect, it } from 'vitest';
import { barEdge, pageIsDark, uiTheme } from '../../lib/bar-placement';
import { unsupportedLanguageText, createTranslator, getMessageFromCatalogue } from '../../lib/i18n';
import de from '../../public/_locales/de/messages.json';
import en from '../../public/_locales/en/messages.json';

const viewport = { width: 1280, height: 800 };
const bar = { width: 420, height: 36 };

describe('barEdge', () => {
  it('stays on top when nothing is under it', () => {
    expect(barEdge([], viewport, bar)).toBe('top');
    expect(barEdge([{ top: 300, left: 100, width: 600, height: 40 }], viewport, bar)).toBe('top');
  });
  it('moves to the bottom when the card or the clause being read is under it', () => {
    expect(barEdge([{ top: 20, left: 900, width: 360, height: 280 }], viewport, bar)).toBe('bottom');
    expect(barEdge([{ top: 10, left: 40, width: 1200, height: 20 }], viewport, bar)).toBe('bottom');
  });
  it('stays on top when the bottom is taken too', () => {
    const tall = { top: 0, left: 860, width: 420, height: 800 };
    expect(barEdge([tall], viewport, bar)).toBe('top');
  });
});

describe('theme', () => {
  it('reads the first opaque background', () => {
    expect(pageIsDark(['rgba(0, 0, 0, 0)', 'rgb(13, 17, 23)'])).toBe(true);
    expect(pageIsDark(['rgb(255, 255, 255)', 'rgb(0, 0, 0)'])).toBe(false);
    expect(pageIsDark(['rgba(0, 0, 0, 0)', 'rgba(0, 0, 0, 0)'])).toBeNull();
    expect(pageIsDark(['rgb(30 30 30 / 90%)'])).toBe(true);
  });
  it("follows the page's own background, else the user's preference", () => {
    expect(uiTheme(true, false)).toBe('dark');
    expect(uiTheme(false, true)).toBe('light');
    expect(uiTheme(null, true)).toBe('dark');
    expect(uiTheme(null, false)).toBe('light');
  });
});

describe('unsupportedLanguageText', () => {
  const tEn = createTranslator(getMessageFromCatalogue(en));
  const tDe = createTranslator(getMessageFromCatalogue(de));
  it("names the policy's language in the UI language and says Fineprint reads English for now", () => {
    expect(unsupportedLanguageText(tEn, 'fr', 'en')).toMatch(
      /^This policy is in French\. Fineprint reads English/,
    );
    expect(unsupportedLanguageText(tDe, 'fr', 'de')).toMatch(
      /^Diese Richtlinie ist auf Französisch verfasst\./,
    );
  });
  it('without a known language still says it is not English', () => {
    expect(unsupportedLanguageText(tEn, 'und', 'en')).toMatch(/^This policy is not in English\./);
    expect(unsupportedLanguageText(tEn, '!!', 'en')).toMatch(/^This policy is not in English\./);
  });
});
