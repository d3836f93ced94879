import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { normaliseForId } from '../../lib/extract';
import { analyzeText } from '../../lib/pipeline';
import {
  drawServices,
  recheck,
  readShapes,
  shapeCaseHolds,
  shownHash,
  skippedGroups,
  type CheckSet,
} from '../../scripts/check-explanations';

// Team-written service names: two of them (Instagram, WhatsApp) are aliases of the Meta group.
const services = [
  'Alpha',
  'Bravo',
  'Charlie',
  'Delta',
  'Echo',
  'Foxtrot',
  'Golf',
  'Hotel',
  'India',
  'Juliett',
  'Instagram',
  'WhatsApp',
];

describe('drawServices', () => {
  it('keeps the count and the seed order when services are skipped', () => {
    const all = drawServices(services, 'seed x', services.length);
    const skip = new Set([all[0]!, all[2]!]);
    const drawn = drawServices(services, 'seed x', 4, skip);
    expect(drawn).toHaveLength(4);
    expect(drawn).toEqual(all.filter((s) => !skip.has(s)).slice(0, 4));
  });

  it('skips a service through its group', () => {
    const drawn = drawServices(services, 'seed x', services.length, new Set(['Meta']));
    expect(drawn).not.toContain('Instagram');
    expect(drawn).not.toContain('WhatsApp');
    expect(drawn).toHaveLength(services.length - 2);
  });
});

describe('skippedGroups', () => {
  const sets = {
    a: { seed: 'check a', file: '', by: '', services: 3 },
    b: { seed: 'check b', file: '', by: '', services: 2 },
  };

  it('leaves out every service an earlier check drew, and the final-test groups', () => {
    const skip = skippedGroups(
      services,
      { skipChecks: ['a', 'b'], skipFinalTest: true },
      { final_test: ['Hotel'] },
      sets,
    );
    const earlier = [
      ...drawServices(services, sets.a.seed, sets.a.services),
      ...drawServices(services, sets.b.seed, sets.b.services),
    ];
    const drawn = drawServices(services, 'check c', services.length, skip);
    for (const s of earlier) expect(drawn).not.toContain(s);
    expect(drawn).not.toContain('Hotel');
    expect(drawn.length).toBeGreaterThanOrEqual(services.length - earlier.length - 1);
  });

  it('an earlier check that skipped others is recomputed with its own skips (what it really drew)', () => {
    const chained: Record<'a' | 'b' | 'c', CheckSet> = {
      ...sets,
      b: { ...sets.b, skipChecks: ['a'] },
      c: { seed: 'check c0', file: '', by: '', services: 3, skipChecks: ['a', 'b'] },
    };
    const drawnBy = (name: 'a' | 'b' | 'c') =>
      drawServices(
        services,
        chained[name].seed,
        chained[name].services,
        skippedGroups(services, chained[name], { final_test: [] }, chained),
      );
    const a = drawnBy('a');
    const b = drawnBy('b');
    for (const s of a) expect(b).not.toContain(s);
    for (const s of [...a, ...b]) expect(drawnBy('c')).not.toContain(s);
  });

  it('skips nothing for a check without exclusions', () => {
    expect(skippedGroups(services, {}, { final_test: ['Hotel'] }, sets).size).toBe(0);
  });
});

describe('shapeCaseHolds', () => {
  // Team-written sentences; what each expectation reads is the explanation or the slots of the sentence alone.
  const ads = { category: 'targeted-advertising', stance: 'permits' };
  it('reads an explanation against says / not_says', () => {
    const text = 'We may pass your information to advertising partners.';
    expect(shapeCaseHolds({ shape: 't', text, expect: { label: ads, says: 'target ads' } })).toBe(true);
    expect(shapeCaseHolds({ shape: 't', text, expect: { label: ads, not_says: 'target ads' } })).toBe(false);
  });

  it('reads the slots: a data phrase, a purpose, a default left out', () => {
    const text = 'With your consent, we use the messages you send for research.';
    expect(shapeCaseHolds({ shape: 't', text, expect: { no_data: 'messages' } })).toBe(false);
    expect(shapeCaseHolds({ shape: 't', text, expect: { no_data: 'location' } })).toBe(true);
    expect(shapeCaseHolds({ shape: 't', text, expect: { no_purpose: 'research' } })).toBe(false);
    expect(shapeCaseHolds({ shape: 't', text, expect: { no_default: true } })).toBe(false);
  });
});

describe('recheck', () => {
  // A team-written document where one bullet sits under two lead-ins: prohibited for the user in the terms,
  // a use of the user's data in the privacy part.
  const bullet = 'use the service to train machine learning models on content you copied from other users.';
  const md = `# Terms\n\nYou may not:\n\n- ${bullet}\n- resell access to the service.\n\n# Privacy\n\nWe use your information to:\n\n- ${bullet}\n- send you receipts.\n`;
  const doc = 'ota/contrib/Example/Terms of Service.md';

  it('re-reads the occurrence of a repeated text that carries the recorded label', () => {
    const corpus = mkdtempSync(join(tmpdir(), 'fp-recheck-'));
    try {
      mkdirSync(join(corpus, dirname(doc)), { recursive: true });
      writeFileSync(join(corpus, doc), md);
      const hash = (t: string) => createHash('sha256').update(normaliseForId(t)).digest('hex').slice(0, 16);
      const both = analyzeText(md, { format: 'markdown' }).clauses.filter((c) => c.text === bullet);
      const ai = (c: (typeof both)[number]) => c.labels.find((l) => l.category === 'ai-training');
      // The premise: the first occurrence is read as a prohibition, the second as a permitted use.
      expect(both.map((c) => ai(c)?.stance)).toEqual(['user-prohibited', 'permits']);
      const checked = both[1]!;
      const row = {
        doc,
        clause_hash: hash(checked.text),
        category: 'ai-training',
        stance: 'permits',
        label_ok: true,
        explanation_ok: true,
        slots_ok: true,
        shown_hash: shownHash({ explanation: ai(checked)!.explanation ?? '', slots: checked.slots }),
        by: 'guide v2, pass A',
      };
      const rows = join(corpus, 'rows.jsonl');
      writeFileSync(rows, `${JSON.stringify(row)}\n`);
      expect(recheck(corpus, rows).map((r) => r.status)).toEqual(['same']);
    } finally {
      rmSync(corpus, { recursive: true, force: true });
    }
  });
});

// The team-written shape cases (data/checks/shapes-v1.jsonl) are what each explanation fix was made to hold:
// every one must keep holding, not only when someone runs the `shapes` command.
describe('every shape case holds', () => {
  const cases = readShapes();
  it('has cases', () => expect(cases.length).toBeGreaterThan(100));
  it.each(cases.map((c, i) => [i + 1, c.shape, c] as const))('line %i (%s)', (_, __, c) => {
    expect(shapeCaseHolds(c)).toBe(true);
  });
});
