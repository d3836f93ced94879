/**
 * The classifier's runtime fast paths give exactly what the reference functions give: punctuation folding,
 * scratch feature hashing, one-lookup scoring and evidence. Sentences are team-written.
 */
import { describe, expect, it } from 'vitest';
import { clauseFeatures, featureHashes, fnv1a, scratchFeatures } from '../../lib/classify/features';
import { score, scoreInto, topFeatures, topFeaturesOfSlots } from '../../lib/classify/model';
import { applyRules } from '../../lib/classify/rules';
import { asciiPunctuation } from '../../lib/ascii-punctuation';
import { tokenize, tokenText } from '../../lib/classify/text';
import { foldText } from '../../lib/classify/fold-text';
import { bundledModel, classifyWith } from '../../lib/classify';
import type { Clause } from '../../lib/types';

const SENTENCES = [
  'We may use your chats and feedback to train and improve our AI models unless you opt out.',
  'We don\u2019t sell your data \u2014 ever; see \u201cYour Choices\u201d.',
  'You may not: scrape the service \u2013 or use it to train a competing model.',
  'Contact us at help@example.com or https://example.com/help within 30 days.',
  'Partners receive your e-mail address, phone number and 1,000.5 other details.',
  'Caf\u00e9\u00a0menus are re-trained nightly by pre-trained models.',
];

/** The normalisation as it was first written: four global replacements in turn. */
function referenceAscii(text: string): string {
  return text
    .replace(/[\u2018\u2019\u201a\u201b\u2032]/g, "'")
    .replace(/[\u201c\u201d\u201e\u201f\u2033]/g, '"')
    .replace(/[\u2010-\u2015]/g, '-');
}

describe('asciiPunctuation', () => {
  it('maps every character in U+0000–U+2FFF as the four-pass version did, one for one', () => {
    let all = '';
    for (let c = 0; c < 0x3000; c++) all += String.fromCharCode(c);
    expect(asciiPunctuation(all)).toBe(referenceAscii(all));
    expect(asciiPunctuation(all).length).toBe(all.length);
    for (const s of SENTENCES) expect(asciiPunctuation(s)).toBe(referenceAscii(s));
  });
});

describe('tokenize', () => {
  it('with a limit gives the first tokens of the full list', () => {
    for (const s of SENTENCES) {
      const all = tokenize(s);
      for (const max of [0, 1, 5, 400]) expect(tokenize(s, max)).toEqual(all.slice(0, max));
    }
  });
});

describe('tokenText', () => {
  /** The URL and e-mail rewrite as first written: one regex whatever the text holds. */
  const referenceLinks = (text: string): string =>
    asciiPunctuation(text)
      .toLowerCase()
      .replace(/\bhttps?:\/\/\S+|\bwww\.\S+|\b[\w.+-]+@[\w-]+\.[\w.]+\b/g, (m) =>
        m.includes('@') && !/^(?:https?:|www\.)/.test(m) ? ' zemailz ' : ' zurlz ',
      );

  it('rewrites URLs and e-mails as the one-regex version did, with or without an "@" in the text', () => {
    for (const text of [
      'See https://example.com/a and www.example.org now.',
      'Write to help@example.com or https://example.com/help.',
      'Mail a@b.co; see http://x.io/p?q=a@b and WWW.Example.com',
      'Email us (privacy@example.co.uk) or visit HTTP://EXAMPLE.COM.',
      'Nothing to rewrite here.',
    ])
      expect(tokenText(text)).toBe(referenceLinks(text));
  });
});

describe('foldText', () => {
  it('folds what needs folding and returns text with only curly quotes and dashes as it is', () => {
    const quoted = 'We don\u2019t \u201csell\u201d your data \u2014 ever.';
    expect(foldText(quoted)).toBe(quoted);
    // The second call of the same text (the next clause's previous clause) answers from the last result.
    for (let i = 0; i < 2; i++) expect(foldText('tr\u200bain\u00a0m\u043edels')).toBe('train models');
    expect(foldText('caf\u00e9\u00a0m\u043edels')).toBe('caf\u00e9 models');
  });
});

describe('runtime scoring', () => {
  const model = bundledModel()!;
  const C = model.categories.length;

  it('scratchFeatures, scoreInto and topFeaturesOfSlots equal featureHashes, score and topFeatures', () => {
    for (const text of SENTENCES) {
      const input = { text, leadIn: 'You agree not to:', headingPath: ['How we use data'] };
      const hits = applyRules(input);
      const ref = featureHashes(input, hits);
      const refScore = score(model, ref.hashes);
      const refTop = [...Array(C).keys()].map((c) => topFeatures(model, ref.describe, refScore.rows, c, 3));
      const fast = scratchFeatures(input, hits);
      expect([...fast.hashes.subarray(0, fast.count)]).toEqual([...ref.hashes]);
      const { probs, slots } = scoreInto(model, fast.hashes, fast.count);
      for (let c = 0; c < C; c++) {
        expect(probs[c]).toBe(refScore.probs[c]);
        expect(topFeaturesOfSlots(model, fast.describe, slots, fast.count, c, 3)).toEqual(refTop[c]);
      }
    }
  });

  it('hashes a run of clauses with the previous clause as clauseFeatures does (tokens reused from the last clause)', () => {
    const options = { prev: true, allHeadings: true };
    let prev: string | undefined;
    for (const text of [...SENTENCES, SENTENCES[0]!, SENTENCES[0]!]) {
      const input = { text, prev, headingPath: ['Data', 'Use'] };
      const hits = applyRules(input);
      const fast = scratchFeatures(input, hits, options);
      const strings = clauseFeatures(input, hits, options);
      expect([...fast.hashes.subarray(0, fast.count)].sort()).toEqual(strings.map(fnv1a).sort());
      for (let i = 0; i < fast.count; i++) expect(fnv1a(fast.describe(i))).toBe(fast.hashes[i]);
      prev = text;
    }
  });

  it('finds every feature of the model (the presence bits never hide one)', () => {
    const { keys, mask } = model.index;
    const hashes: number[] = [];
    for (let i = 0; i <= mask; i++) if (model.index.rows[i]! !== -1) hashes.push(keys[i]!);
    expect(hashes.length).toBe(model.index.size);
    const { slots } = scoreInto(model, Uint32Array.from(hashes), hashes.length);
    for (let i = 0; i < hashes.length; i++) expect(slots[i]).toBeGreaterThanOrEqual(0);
  });

  it('keeps the clause fields, in order, and adds labels, slots and explanation', () => {
    const clause: Clause = {
      id: 'c1',
      text: SENTENCES[0]!,
      section: 'Data',
      headingPath: ['Data'],
      block: 0,
      unit: 'sentence',
    };
    const [out] = classifyWith([clause], model);
    expect(Object.keys(out!)).toEqual([...Object.keys(clause), 'labels', 'slots', 'explanation']);
    expect(out!.labels.length).toBeGreaterThan(0);
  });
});
