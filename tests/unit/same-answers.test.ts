/**
 * The fast paths of the clause cut and the gates answer exactly as the plain readings they replace (issues 22
 * and 26). Each reference below is the plain reading, kept here; team-written texts with the characters the
 * fast paths single out: tabs and non-breaking spaces, brackets, quotes, astral and accented letters, dashes.
 */
import { describe, expect, it } from 'vitest';
import { normaliseForId } from '../../lib/extract/clause-id';
import { isForeignPassage, isHeadingLine, isStatement } from '../../lib/extract/statement';
import { withSourcesBlanked } from '../../lib/classify/rules/contract-gates';
import { isLeadInFragment, isPointer, isSectionOverview } from '../../lib/classify/rules/non-statements';
import { isNamingOnly } from '../../lib/classify/rules/not-the-practice';

const TEXTS = [
  '',
  ' ',
  'We share your data with partners.',
  '  We  keep\tit\n for 30 days.\r\n',
  'We  share\tyour data\u00a0with partners. ',
  '\u2003We keep it (for a while) [see below] until you ask us to delete it.',
  'Nous partageons vos données avec nos partenaires pour améliorer nos services et notre offre.',
  'Dane osobowe przetwarzamy wyłącznie zgodnie z obowiązującymi przepisami prawa i polityką prywatności firmy.',
  '\ud835\udc00\ud835\udc01 \ud835\udc02 are letters outside the basic plane, and so is \ud835\udc03.',
  '1.2 Changes To This Policy',
  'HOW WE USE YOUR INFORMATION',
  'Information We Collect About You When You Visit Our Website And Use Our Many Services Online Today',
  'To learn more about cookies, please visit the "About cookies" page.',
  "For more information about 'adequacy', see the list of countries.",
  'In Section 4 below, we describe the choices you have. We also provide details on retention.',
  'Section 4 explains how long we keep data. It also describes deletion.',
  'In such cases, the transfer will be:',
  'The rules in Sections 9 and 10 are together referred to as the "Dispute Terms."',
  'The rules below are  known  as the Privacy Rules.',
  'Partners: We receive data from vendors, resellers and affiliates, who help us.',
  'We receive data F.R.O.M. vendors and fr-om others.',
  'We receive data FROM vendors.',
  'Learn more.',
  'Updated on 1 May 2026',
  'Do not sell my data',
  'e\u0301 a\u0300 \u0130stanbul \u212a \u00df',
];

describe('normaliseForId fast path', () => {
  const reference = (text: string) =>
    text
      .normalize('NFKC')
      .toLowerCase()
      .replace(/[‘’‚‛′]/g, "'")
      .replace(/[“”„‟″]/g, '"')
      .replace(/[‐‑‒–—―]/g, '-')
      .replace(/\s+/g, ' ')
      .trim();
  it.each(TEXTS)('%j', (text) => {
    expect(normaliseForId(text)).toBe(reference(text));
  });
});

describe('isForeignPassage without splitting', () => {
  const FUNCTION_WORDS = new Set(
    (
      'the a an and or of to in on at for with by from as is are was be been will may can not no this that ' +
      'these those it its we our us you your they their them he she his her if any all which who some such ' +
      'more other has have had do does also only must should would shall use data information'
    ).split(' '),
  );
  const reference = (text: string) => {
    const words = text
      .toLowerCase()
      .split(/[^\p{L}]+/u)
      .filter(Boolean);
    if (words.length < 10) return false;
    return words.filter((w) => FUNCTION_WORDS.has(w)).length / words.length < 0.05;
  };
  it.each(TEXTS)('%j', (text) => {
    expect(isForeignPassage(text)).toBe(reference(text));
  });
  it('still finds a passage in another language', () => {
    expect(isForeignPassage(TEXTS[7]!)).toBe(true);
  });
});

describe('word counts without splitting', () => {
  it('counts words as a split on whitespace would', () => {
    // Fifteen words with letters: too long for a heading line, whatever the spacing between them.
    const fifteen = Array.from({ length: 15 }, (_, i) => `Word${i}`).join('\u00a0 ');
    expect(isHeadingLine(fifteen)).toBe(false);
    expect(isHeadingLine(fifteen.split(/\s+/).slice(0, 14).join(' '))).toBe(true);
  });
  it('reads a short unit by its words, tabs and non-breaking spaces included', () => {
    // Four words without a stop are a label; five are read for a verb.
    expect(isStatement('We\tshare\u00a0your  data', 'sentence')).toBe(false);
    expect(isStatement('We\tshare\u00a0your  data today', 'sentence')).toBe(true);
  });
});

describe('gate fast paths', () => {
  it('blanks sources after any spelling of "from"', () => {
    expect(withSourcesBlanked(TEXTS[20]!)).not.toMatch(/vendors/);
    expect(withSourcesBlanked(TEXTS[21]!)).not.toMatch(/vendors/);
  });
  it('keeps the shapes the fast paths guard', () => {
    expect(isPointer(TEXTS[12]!)).toBe(true);
    expect(isPointer(TEXTS[13]!)).toBe(true);
    expect(isSectionOverview(TEXTS[15]!)).toBe(true);
    expect(isLeadInFragment(TEXTS[16]!)).toBe(true);
    expect(isNamingOnly(TEXTS[17]!)).toBe(true);
    expect(isNamingOnly(TEXTS[18]!)).toBe(true);
  });
});
