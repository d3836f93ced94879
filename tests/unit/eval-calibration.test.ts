import { describe, expect, it } from 'vitest';
import { SEEDS } from '../../scripts/check-explanations';
import {
  CHECK_TEXTS,
  explanationSection,
  passAgreement,
  wrapJoin,
  type RecordedCheck,
} from '../../scripts/eval-calibration';

// Team-written check rows: documents and hashes made up, no corpus text.
const row = (service: string, ok: boolean, note?: string) =>
  JSON.stringify({
    doc: `ota/contrib/${service}/Privacy Policy.md`,
    clause_hash: '0123456789abcdef',
    category: 'data-sharing',
    stance: 'permits',
    label_ok: true,
    explanation_ok: ok,
    slots_ok: true,
    ...(note ? { note } : {}),
    shown_hash: 'abcdef012345',
    by: 'guide v2, pass A',
  });
const check = (set: string, lines: string[]): RecordedCheck => ({
  set,
  seed: `explanation check ${set}`,
  by: 'guide v2, pass A',
  file: `data/checks/explanations-${set}.jsonl`,
  jsonl: `${lines.join('\n')}\n`,
});
const v4 = check('v4', [row('Alpha', true), row('Bravo', false, 'data-slot-misread')]);
const v5 = check('v5', [row('Charlie', true), row('Delta', true), row('Echo', false, 'purpose-invented')]);

/** The block of one check: from its heading to the next check's heading. */
const block = (md: string, ordinal: string) =>
  md.split(/\n(?=\*\*\w+ check\*\*)/).find((b) => b.startsWith(`**${ordinal} check**`))!;

describe('explanationSection', () => {
  it('lists the checks newest first, the newest fresh one as the unbiased figure', () => {
    const md = explanationSection([v4, v5]);
    expect(md.indexOf('**Fifth check**')).toBeGreaterThan(0);
    expect(md.indexOf('**Fifth check**')).toBeLessThan(md.indexOf('**Fourth check**'));
    expect(block(md, 'Fifth')).toContain('**This is the unbiased figure.**');
    expect(block(md, 'Fifth')).toContain('3 painted labels from 3 services');
    expect(block(md, 'Fifth')).toContain('**2/3 = 0.667**');
    expect(block(md, 'Fifth')).toContain('purpose-invented (1)');
    expect(block(md, 'Fourth')).not.toContain('**This is the unbiased figure.**');
    expect(block(md, 'Fourth')).toContain('fixes were made from its misses');
  });

  it('keeps the fourth check as the unbiased figure while it is the newest', () => {
    const md = explanationSection([v4]);
    expect(md).not.toContain('**Fifth check**');
    expect(block(md, 'Fourth')).toContain('**This is the unbiased figure.**');
  });
});

describe('passAgreement', () => {
  const passB = (lines: string[]) => `${lines.map((l) => l.replace('pass A', 'pass B')).join('\n')}\n`;

  it('compares the labels both passes judged, with Cohen’s κ per question', () => {
    // Pass B judged two of v5's three labels, and differs from pass A on one explanation.
    const text = passAgreement(v5.jsonl, passB([row('Charlie', true), row('Echo', true)]));
    expect(text).toContain('2 labels judged by both');
    expect(text).toContain('label 2/2 = 1.000 (κ 1.00)');
    expect(text).toContain('explanation 1/2 = 0.500 (κ 0.00)');
  });

  it('is printed under its check', () => {
    const md = explanationSection([
      {
        ...v5,
        secondPass: { file: 'data/checks/explanations-v5-pass-b.jsonl', jsonl: passB([row('Delta', true)]) },
      },
    ]);
    expect(block(md, 'Fifth')).toContain('A second, independent pass');
    expect(block(md, 'Fifth')).toContain('`guide v2, pass B`');
    expect(block(md, 'Fifth')).toContain('1 labels judged by both');
  });
});

describe('CHECK_TEXTS', () => {
  it('describes every seeded check, newest first (a set without a text would drop out of docs/accuracy.md)', () => {
    expect(CHECK_TEXTS.map((t) => t.set)).toEqual(Object.keys(SEEDS).reverse());
  });
});

describe('wrapJoin', () => {
  it('breaks the line only where a part would run past the width', () => {
    expect(wrapJoin(['aaaa', 'bbbb', 'cccc'], 9)).toBe('aaaa bbbb\ncccc');
    expect(wrapJoin(['aa', 'bb\ncccccccc', 'dd'], 9)).toBe('aa bb\ncccccccc\ndd');
  });
});
