import { describe, expect, it } from 'vitest';
import { repair, splitSentences, warmSentenceSegmenter } from '../../lib/extract/segment';

describe('splitSentences', () => {
  it('splits ordinary sentences', () => {
    expect(splitSentences('We collect data. We use it. Do we sell it? No!')).toEqual([
      'We collect data.',
      'We use it.',
      'Do we sell it?',
      'No!',
    ]);
  });

  it.each([
    ['We use cookies, e.g. Analytics cookies, to measure use. Next.', 2],
    ['Small files, i.e. Cookies, are stored. Next.', 2],
    ['Acme Inc. and its affiliates process data. Next.', 2],
    ['Users in the U.S. and the E.U. are covered. Next.', 2],
    ['See No. 5 of the list. Next.', 2],
    ['As set out in Sec. 4 above. Next.', 2],
    ['Refer to Art. 6 GDPR. Next.', 2],
  ])('keeps legal abbreviations inside the sentence: %s', (text, n) => {
    const out = splitSentences(text);
    expect(out).toHaveLength(n);
    expect(out[1]).toBe('Next.');
  });

  it('keeps numbering tokens with the sentence they number', () => {
    expect(splitSentences('1. Information we collect. 2. How we use it.')).toEqual([
      '1. Information we collect.',
      '2. How we use it.',
    ]);
    expect(splitSentences('Section 2.1. Scope of this policy.')).toEqual([
      'Section 2.1. Scope of this policy.',
    ]);
  });

  it('never ends a sentence inside a block on a known abbreviation, even before a capital', () => {
    // Two sentences in one mark are a smaller fault than a sentence cut after "U.S." into fragments.
    expect(splitSentences('Our processor is Acme Ltd. They host our servers.')).toEqual([
      'Our processor is Acme Ltd. They host our servers.',
    ]);
    expect(
      splitSentences(
        'We transfer data to the U.S. Our U.S. affiliates, e.g. Acme Corp. and Acme Pte. Ltd., follow Cal. Civ. Code § 1798.100. Next.',
      ),
    ).toEqual([
      'We transfer data to the U.S. Our U.S. affiliates, e.g. Acme Corp. and Acme Pte. Ltd., follow Cal. Civ. Code § 1798.100.',
      'Next.',
    ]);
  });

  it.each(['Mr.', 'Dr.', 'Sec.', 'Art.', 'No.', 'etc.', 'i.e.', 'U.K.', 'Inc.', 'P.O.'])(
    'joins after %s whatever follows',
    (abbr) => {
      const out = splitSentences(`Write to ${abbr} Smith at our office. Next one.`);
      expect(out[0]!.endsWith(abbr)).toBe(false);
    },
  );

  it('never ends a sentence on initials of any name ("F.T. Specialist", "EU.U.S.")', () => {
    expect(
      splitSentences('We may share data with F.T. Specialist Inc. for inclusion. We also keep it.'),
    ).toEqual(['We may share data with F.T. Specialist Inc. for inclusion.', 'We also keep it.']);
    expect(splitSentences('Under the EU.U.S. DPF we resolve complaints.')).toHaveLength(1);
  });

  it('joins a lower-case "no." or "art." only before a number', () => {
    expect(splitSentences('We said no. Then we left.')).toEqual(['We said no.', 'Then we left.']);
    expect(splitSentences('See art. 6 of the GDPR. Next.')).toEqual(['See art. 6 of the GDPR.', 'Next.']);
  });

  it('handles empty and whitespace-only text', () => {
    expect(splitSentences('')).toEqual([]);
    expect(splitSentences('   \n ')).toEqual([]);
  });

  it('cuts a 1 MB run without punctuation into bounded pieces and loses no words', () => {
    const text = 'word '.repeat(200_000).trim();
    const out = splitSentences(text);
    expect(out.length).toBeGreaterThan(1);
    expect(out.join(' ').split(' ').length).toBe(200_000);
  });
});

describe('repair', () => {
  it('merges a lone "(a)" with the following clause', () => {
    expect(repair(['(a)', 'Your name.', 'Your e-mail.'])).toEqual(['(a) Your name.', 'Your e-mail.']);
  });
});

describe('warmSentenceSegmenter', () => {
  it('prepares the segmenter without changing what splitting returns', () => {
    expect(() => warmSentenceSegmenter()).not.toThrow();
    expect(splitSentences('One. Two.')).toEqual(['One.', 'Two.']);
  });

  it('does not throw where Intl.Segmenter is missing', () => {
    const original = Intl.Segmenter;
    try {
      (Intl as { Segmenter?: unknown }).Segmenter = undefined;
      expect(() => warmSentenceSegmenter('xx')).not.toThrow();
    } finally {
      (Intl as { Segmenter?: unknown }).Segmenter = original;
    }
  });
});
