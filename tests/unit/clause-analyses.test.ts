// What crosses the message channel around a page's classification (lib/clause-analyses.ts). Team-written text.
import { describe, expect, it } from 'vitest';
import { analyseLabelled, classifyClauses, labelClauses } from '@/lib/classify';
import {
  classifiedCuts,
  clausesFromCuts,
  clausesFromReply,
  clausesFromReplyInSteps,
  detailsOf,
  marksOf,
  withDetails,
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

describe('marksOf / detailsOf / withDetails', () => {
  it('sends only labelled clauses, and of each label what painting takes', () => {
    const clauses = TEXTS.map((t, i) => clause(i, t));
    const labelled = labelClauses(clauses);
    const sent = marksOf(labelled);
    expect(sent.length).toBeGreaterThan(0);
    expect(sent.length).toBeLessThan(clauses.length);
    expect(sent.every((m) => m.labels.length > 0)).toBe(true);
    for (const m of sent)
      for (const l of m.labels) expect(Object.keys(l).sort()).toEqual(['category', 'confidence', 'stance']);
    // The same labels as the full classification, in the same order.
    const full = classifyClauses(clauses);
    expect(sent.map((m) => [m.id, m.labels.map((l) => l.category)])).toEqual(
      full.filter((c) => c.labels.length).map((c) => [c.id, c.labels.map((l) => l.category)]),
    );
  });

  it('labelling then explaining is the full classification', () => {
    const clauses = TEXTS.map((t, i) => clause(i, t));
    expect(labelClauses(clauses).map(analyseLabelled)).toEqual(classifyClauses(clauses));
  });

  it('a card’s clause is the full analysis with its details, and its marks alone without them', () => {
    const clauses = TEXTS.map((t, i) => clause(i, t));
    const full = classifyClauses(clauses);
    const labelled = full.findIndex((c) => c.labels.length > 0);
    const analysed = full[labelled]!;
    const marked = {
      ...clauses[labelled]!,
      labels: marksOf([{ clause: analysed, labels: analysed.labels }])[0]!.labels,
    };
    // Through JSON, as the message channel carries it.
    const details = JSON.parse(JSON.stringify(detailsOf(analysed))) as ReturnType<typeof detailsOf>;
    const { possible: _possible, ...shown } = analysed;
    expect(withDetails(marked, details)).toEqual(shown);
    const bare = withDetails(marked, null);
    expect(bare.labels.map((l) => [l.category, l.stance, l.evidence.phrase])).toEqual(
      analysed.labels.map((l) => [l.category, l.stance, null]),
    );
    expect(bare.slots).toEqual(emptySlots());
    expect(detailsOf(full.find((c) => c.labels.length === 0))).toBeNull();
    expect(detailsOf(undefined)).toBeNull();
  });
});

describe('classifiedCuts / clausesFromReply', () => {
  it('rebuilds on the page exactly the clauses the background cut and classified, through JSON', () => {
    const labelled = labelClauses(blocksToClauses(BLOCKS));
    const full = labelled.map(analyseLabelled);
    // The fixture exercises what the page must rebuild: lead-ins, repeated text, several units.
    expect(full.some((c) => c.leadIn)).toBe(true);
    expect(new Set(full.map((c) => c.unit))).toEqual(new Set(['sentence', 'list-item', 'cell']));
    expect(full.filter((c) => c.text === TEXTS[1]).map((c) => c.id)).toHaveLength(2);
    const reply = JSON.parse(JSON.stringify(classifiedCuts(BLOCKS, labelled))) as ReturnType<
      typeof classifiedCuts
    >;
    // Each clause travels as its id, block, unit and place in the block: no text.
    for (const cut of reply.clauses) expect(Object.keys(cut).sort()).toEqual(['at', 'block', 'id', 'unit']);
    // The page gets each clause with its labels' marks: "possible" labels, slots and explanations stay in the
    // background's report.
    const onPage = full.map(({ possible: _p, slots: _s, explanation: _e, labels, ...clause }) => ({
      ...clause,
      labels: labels.map(({ category, stance, confidence }) => ({ category, stance, confidence })),
    }));
    expect(clausesFromReply(BLOCKS, reply)).toEqual(onPage);
  });

  it('sends the text of a clause that is not a slice of its block, and places repeated text in order', () => {
    const blocks: Block[] = [{ kind: 'paragraph', text: 'We do. We do. Then  more.', headingPath: [] }];
    const clauses = labelClauses([
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
    expect(clausesFromReply(BLOCKS, { clauses: 'x', marks: [] } as never)).toEqual([]);
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
      marks: [{ id: 'c4', labels }],
    };
    const job = clausesFromReplyInSteps([block], reply);
    let pauses = 0;
    let step = job.next();
    for (; !step.done; step = job.next()) pauses++;
    expect(pauses).toBeGreaterThanOrEqual(4);
    expect(step.value).toEqual(clausesFromReply([block], reply));
    expect(step.value).toHaveLength(300);
    expect(step.value[4]).toMatchObject({ text: 'We share data.', labels, section: 'Data' });
    expect(step.value[5]).toMatchObject({ text: 'We keep it.', labels: [] });
  });
});
