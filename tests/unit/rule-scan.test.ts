/**
 * The one-pass rule scan answers exactly what each regex's own `test` would, and the regex-source analysis
 * it relies on reads patterns correctly. Every sentence here was written by the team for this test.
 */
import { describe, expect, it } from 'vitest';
import { RULE_FAMILIES } from '../../lib/classify/rules';
import { exactStrings, requiredFragments } from '../../lib/regex-source';
import { RuleScan } from '../../lib/regex-scan';

const SENTENCES = [
  'We may use your posts to train our machine-learning models.',
  'We share your details with delivery partners and affiliates.',
  'You may not use the service to build a competing AI model.',
  'We keep your messages for 30 days after you delete your account.',
  'Data is transferred to the U.S. under Standard Contractual Clauses (SCCs).',
  'We do not sell your personal information; see "Do Not Sell or Share My Personal Information".',
  'ADS ARE SHOWN BASED ON YOUR INTERESTS UNLESS YOU OPT OUT IN SETTINGS.',
  'Any dispute will be resolved by binding arbitration, not a class action.',
  'We may change these Terms at any time.',
  'Aggregated, de-identified reports do not identify you.',
  'You grant us a worldwide, royalty-free licence to host your content.',
  'Contact our support team if you have questions.',
  'Caf\u00e9 \u00a0 na\u00efve \u212a \u017f \u0130 \u2014 text with non-ASCII letters, ads.',
  '',
  'ads',
  '(((( "" \u0000 \uffff',
];

/** Team-written variations: each sentence, upper-cased, and glued to its neighbour without a space. */
const texts = [
  ...SENTENCES,
  ...SENTENCES.map((s) => s.toUpperCase()),
  ...SENTENCES.map((s, i) => s + SENTENCES[(i + 1) % SENTENCES.length]!.slice(0, 12)),
];

describe('RuleScan', () => {
  it('answers every rule regex exactly as its test does', () => {
    const cues = RULE_FAMILIES.map((f) => f.cue);
    const gated = RULE_FAMILIES.flatMap((f) => [...(f.vetoes ?? []), ...f.patterns.map((p) => p.pattern)]);
    const scan = new RuleScan(cues, gated);
    for (const text of texts)
      for (const re of [...cues, ...gated])
        expect(scan.test(re, text), `${re} on ${text}`).toBe(re.test(text));
  });

  it('handles boundaries, optional parts, classes and regexes it cannot analyse', () => {
    const regexes = [
      /\bads?\b|re-?tain|licen[cs]e/i,
      /-\b|\b-|\b\.x/i,
      /(?:ab|a)(?:c|bc)?d\b/i,
      /foo.bar|\d\d/i,
      /(a)\1|(?<=q)u/i,
      /Shar(?:e|ed)\s+with/,
      new RegExp('[]'), // an empty class matches nothing
      /(?:)/i,
      /\u00e9t\u00e9/i,
    ];
    const scan = new RuleScan(regexes, regexes);
    const samples = [
      'Ads',
      'bads',
      'ad-hoc',
      're-tain',
      'LICENCE',
      'a-',
      '-a',
      '.x',
      'a.x',
      'ABD',
      'abcd',
      'abbcd',
      'abcd_',
      'foo bar',
      '42',
      'aa',
      'qu',
      'Share with',
      'share with',
      '\u00e9t\u00e9',
      '',
    ];
    for (const s of samples)
      for (const re of regexes) expect(scan.test(re, s), `${re} on ${JSON.stringify(s)}`).toBe(re.test(s));
  });
});

describe('regex-source analysis', () => {
  it('lists the exact strings of a simple case-insensitive cue, with \\b markers', () => {
    expect(exactStrings(/re-?tain|\bads?\b/i)).toEqual([
      'retain',
      're-tain',
      '\u0000ad\u0000',
      '\u0000ads\u0000',
    ]);
    expect(exactStrings(/a.b/i)).toBeNull();
    expect(exactStrings(/ads/)).toBeNull(); // case-sensitive: not what the scan folds
  });

  it('finds fragments every match needs, and none when there are none', () => {
    expect(requiredFragments(/\b(?:share|disclose)(?:\W+\w+){0,4}?\W+with\b/i)).toEqual([
      'share',
      'disclose',
    ]);
    expect(requiredFragments(/x?y*/i)).toBeNull();
    expect(requiredFragments(/(a)\1/)).toBeNull();
    expect(requiredFragments(/ads/u)).toBeNull();
  });
});
