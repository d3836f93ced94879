/**
 * Text folding before classification (lib/classify/fold-text.ts): the tricks a page can use to hide an
 * AI-training clause from the classifier — zero-width characters, soft hyphens, no-break spaces and
 * look-alike letters — change neither what the classifier reads nor its labels. Team-written sentences.
 */
import { describe, expect, it } from 'vitest';
import { classifyClauses } from '../../lib/classify';
import { foldClause, foldText } from '../../lib/classify/fold-text';
import { sentence } from '../support/clauses';

const TRAINING = 'We use the content you upload to train our machine learning models.';

/** Each trick applied to "train" and "models" in TRAINING. */
const TRICKS: Record<string, string> = {
  'zero-width space': TRAINING.replace('train', 'tr\u200bain').replace('models', 'mod\u200bels'),
  'zero-width joiner': TRAINING.replace('train', 'tra\u200din').replace('models', 'mo\u200ddels'),
  'zero-width non-joiner': TRAINING.replace('train', 't\u200crain').replace('models', 'model\u200cs'),
  'word joiner': TRAINING.replace('train', 'tr\u2060ain').replace('models', 'mod\u2060els'),
  'soft hyphen': TRAINING.replace('train', 'tr\u00adain').replace('models', 'mod\u00adels'),
  'byte order mark': TRAINING.replace('train', 'tra\ufeffin').replace('models', 'mode\ufeffls'),
  'Cyrillic a and o': TRAINING.replace('train', 'tr\u0430in').replace('models', 'm\u043edels'),
  'Cyrillic e and Greek o': TRAINING.replace('train', 'train').replace('models', 'm\u03bfd\u0435ls'),
  'fullwidth letters': TRAINING.replace('train', '\uff54\uff52\uff41\uff49\uff4e'),
  'no-break and thin spaces': TRAINING.replace('to train', 'to\u00a0train').replace(
    'learning models',
    'learning\u2009models',
  ),
};

const clause = (text: string) => sentence(text);

describe('foldText', () => {
  it('leaves plain ASCII text as it is (the same string)', () => {
    expect(foldText(TRAINING)).toBe(TRAINING);
  });

  for (const [trick, text] of Object.entries(TRICKS)) {
    it(`undoes the ${trick} trick`, () => {
      expect(text).not.toBe(TRAINING);
      expect(foldText(text)).toBe(TRAINING);
    });
  }

  it('keeps real Cyrillic and Greek words, accents and punctuation', () => {
    const text = 'Ваши данные (vos données) — τα δεδομένα σας — “quoted”, 10 €.';
    expect(foldText(text)).toBe(text);
  });

  it('folds a look-alike only inside a word that is otherwise Latin', () => {
    // "сор" is all look-alikes (Cyrillic): no Latin letter, so it is not a disguised Latin word.
    expect(foldText('\u0441\u043e\u0440 and p\u0430per')).toBe('\u0441\u043e\u0440 and paper');
  });

  it('turns line and paragraph separators into spaces and drops direction marks', () => {
    expect(foldText('share\u2028your\u2029data\u200e with\u202e partners')).toBe(
      'share your data with partners',
    );
  });
});

describe('foldClause', () => {
  it('returns the same clause object when nothing needs folding', () => {
    const c = { ...clause(TRAINING), leadIn: 'We may:', headingPath: ['Use of data'] };
    expect(foldClause(c)).toBe(c);
  });

  it('folds the text, the lead-in and the headings, and nothing else', () => {
    const c = {
      ...clause('tr\u200bain our m\u043edels'),
      leadIn: 'W\u0435 m\u0430y:',
      headingPath: ['Tr\u00adaining'],
    };
    expect(foldClause(c)).toEqual({
      ...c,
      text: 'train our models',
      leadIn: 'We may:',
      headingPath: ['Training'],
    });
    // The caller's clause is untouched.
    expect(c.text).toBe('tr\u200bain our m\u043edels');
  });
});

describe('classification of disguised clauses', () => {
  const labelsOf = (text: string) =>
    classifyClauses([clause(text)])[0]!.labels.map((l) => `${l.category}/${l.stance}`);

  it('the plain sentence is an AI-training clause (the reference for the tricks)', () => {
    expect(labelsOf(TRAINING)).toContain('ai-training/permits');
  });

  for (const [trick, text] of Object.entries(TRICKS)) {
    it(`${trick}: still classified as AI training, with the same labels, and the clause keeps its own text`, () => {
      const [analysed] = classifyClauses([clause(text)]);
      expect(analysed!.labels.map((l) => `${l.category}/${l.stance}`)).toEqual(labelsOf(TRAINING));
      expect(analysed!.text).toBe(text);
    });
  }
});
