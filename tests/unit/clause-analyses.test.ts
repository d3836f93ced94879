// What crosses the message channel around a page's classification (lib/clause-analyses.ts). Team-written text.
import { describe, expect, it } from 'vitest';
import { classifyClauses } from '@/lib/classify';
import {
  analysesOf,
  classifiedCuts,
  clausesFromCuts,
  clausesFromReply,
  clausesFromReplyInSteps,
  withAnalyses,
} from '@/lib/clause-analyses';
import { blocksToClauses, type Block } from '@/lib/extract';
import type { Clause } from '@/lib/types';
import { emptySlots } from '@/lib/explain/slots';

const clause = (i: number, text: string): Clause => ({
  id: `c${i}`,
  text,
  section: 'How we use data',
  headingPath: ['How we use data'],
  block: i,
  unit: 'sentence',
});

const TEXTS = [
  'We may use the content you share to train our artificial intelligence models.',
  'Contact our support team if you have questions about this policy.',
  'We do not sell your personal information.',
  'The service is available in several countries.',
  'We keep your messages for 30 days after you delete your account.',
];

/** A small policy as blocks: headings, a paragraph of several sentences, a list with its lead-in, a cell. */
const BLOCKS: Block[] = [
  { kind: 'heading', text: 'Privacy Policy', level: 1, headingPath: [] },
  {
    kind: 'paragraph',
    text: `${TEXTS[0]} ${TEXTS[1]} Acme Inc. and its affiliates agree.`,
    headingPath: ['Privacy Policy'],
  },
  { kind: 'heading', text: 'Sharing', level: 2, headingPath: ['Privacy Policy'] },
  { kind: 'paragraph', text: 'We share your information with:', headingPath: ['Privacy Policy', 'Sharing'] },
  {
    kind: 'list-item',
    text: 'advertising partners, who show you personalised ads;',
    headingPath: ['Privacy Policy', 'Sharing'],
    leadIn: 'We share your information with:',
  },
  {
    kind: 'list-item',
    text: '•',
    headingPath: ['Privacy Policy', 'Sharing'],
    leadIn: 'We share your information with:',
  },
  { kind: 'cell', text: `${TEXTS[4]} ${TEXTS[2]}`, headingPath: ['Privacy Policy', 'Sharing'] },
  { kind: 'paragraph', text: TEXTS[1]!, headingPath: ['Privacy Policy', 'Sharing'] },
];

describe('analysesOf / withAnalyses', () => {
  it('sends only labelled clauses and rebuilds exactly what the classifier returned', () => {
    const clauses = TEXTS.map((t, i) => clause(i, t));
    const full = classifyClauses(clauses);
    const sent = analysesOf(full);
    expect(sent.length).toBeGreaterThan(0);
    expect(sent.length).toBeLessThan(clauses.length);
    expect(sent.every((a) => a.labels.length > 0)).toBe(true);
    // Through JSON, as the message channel carries it.
    const rebuilt = withAnalyses(clauses, JSON.parse(JSON.stringify(sent)) as typeof sent);
    expect(rebuilt).toEqual(full);
  });

  it('ignores analyses of clauses it does not hold', () => {
    const clauses = [clause(0, TEXTS[1]!)];
    const rebuilt = withAnalyses(clauses, [
      { id: 'elsewhere', labels: [], explanation: 'x', slots: classifyClauses(clauses)[0]!.slots },
    ]);
    expect(rebuilt).toEqual(classifyClauses(clauses));
  });
});

describe('classifiedCuts / clausesFromReply', () => {
  it('rebuilds on the page exactly the clauses the background cut and classified, through JSON', () => {
    const full = classifyClauses(blocksToClauses(BLOCKS));
    // The fixture exercises what the page must rebuild: lead-ins, repeated text, several units.
    expect(full.some((c) => c.leadIn)).toBe(true);
    expect(new Set(full.map((c) => c.unit))).toEqual(new Set(['sentence', 'list-item', 'cell']));
    expect(full.filter((c) => c.text === TEXTS[1]).map((c) => c.id)).toHaveLength(2);
    const reply = JSON.parse(JSON.stringify(classifiedCuts(BLOCKS, full))) as ReturnType<
      typeof classifiedCuts
    >;
    // Each clause travels as its id, block, unit and place in the block: no text.
    for (const cut of reply.clauses) expect(Object.keys(cut).sort()).toEqual(['at', 'block', 'id', 'unit']);
    // "Possible" labels stay in the background's report for the popup: the page never receives them.
    const onPage = full.map(({ possible: _possible, ...clause }) => clause);
    expect(clausesFromReply(BLOCKS, reply)).toEqual(onPage);
  });

  it('sends the text of a clause that is not a slice of its block, and places repeated text in order', () => {
    const blocks: Block[] = [{ kind: 'paragraph', text: 'We do. We do. Then  more.', headingPath: [] }];
    const clauses = classifyClauses([
      { id: 'a', text: 'We do.', section: '', headingPath: [], block: 0, unit: 'sentence' },
      { id: 'b', text: 'We do.', section: '', headingPath: [], block: 0, unit: 'sentence' },
      { id: 'c', text: 'Then more.', section: '', headingPath: [], block: 0, unit: 'sentence' },
    ]);
    const reply = classifiedCuts(blocks, clauses);
    expect(reply.clauses).toEqual([
      { id: 'a', block: 0, unit: 'sentence', at: [0, 6] },
      { id: 'b', block: 0, unit: 'sentence', at: [7, 13] },
      { id: 'c', block: 0, unit: 'sentence', text: 'Then more.' },
    ]);
    expect(clausesFromReply(blocks, reply).map((c) => c.text)).toEqual(['We do.', 'We do.', 'Then more.']);
  });

  it('drops a cut naming a block the page does not have, and reads a missing reply as no clauses', () => {
    const cuts = [
      { id: 'c1', text: 'x', block: 1, unit: 'sentence' as const },
      { id: 'c2', text: 'y', block: BLOCKS.length, unit: 'sentence' as const },
      { id: 'c3', at: [5, 5] as [number, number], block: 1, unit: 'sentence' as const },
    ];
    expect(clausesFromCuts(BLOCKS, cuts).map((c) => c.id)).toEqual(['c1']);
    expect(clausesFromReply(BLOCKS, undefined)).toEqual([]);
    expect(clausesFromReply(BLOCKS, { clauses: 'x', analyses: [] } as never)).toEqual([]);
  });
});

describe('clausesFromReplyInSteps', () => {
  it('pauses every few dozen clauses of a long reply, and rebuilds what clausesFromReply rebuilds', () => {
    const block: Block = { kind: 'paragraph', text: 'We share data. We keep it.', headingPath: ['Data'] };
    const cuts = Array.from({ length: 300 }, (_, i) => ({
      id: `c${i}`,
      block: 0,
      unit: 'sentence' as const,
      at: (i % 2 ? [15, 26] : [0, 14]) as [number, number],
    }));
    const labels = [{ category: 'data-sharing', stance: 'permits', confidence: 0.9 }] as never;
    const reply = {
      clauses: cuts,
      analyses: [{ id: 'c4', labels, explanation: 'x', slots: emptySlots() }],
    };
    const job = clausesFromReplyInSteps([block], reply);
    let pauses = 0;
    let step = job.next();
    for (; !step.done; step = job.next()) pauses++;
    expect(pauses).toBeGreaterThanOrEqual(4);
    expect(step.value).toEqual(clausesFromReply([block], reply));
    expect(step.value).toHaveLength(300);
    expect(step.value[4]).toMatchObject({ text: 'We share data.', labels, section: 'Data' });
    expect(step.value[5]).toMatchObject({ text: 'We keep it.', labels: [], explanation: null });
  });
});
