/**
 * The verdict on a linked policy: what a buyer should hear first, in words. Read from team-written policies
 * (tests/fixtures/checkout/legal) through the real extraction and classifier, and from hand-written clauses
 * for each rule (evidence only from painted labels, order by importance, promises only when unconditional).
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CategoryId, Stance } from '@/lib/classify/taxonomy';
import { bundledModel } from '@/lib/classify';
import { findingCounts } from '@/lib/counts';
import { createTranslator, getMessageFromCatalogue } from '@/lib/i18n';
import { parseHtml } from '@/scripts/parse-html';
import { analyzeDocument } from '@/lib/pipeline';
import type { AnalysedClause, Label } from '@/lib/types';
import { MAX_FINDINGS, MIN_EVIDENCE_CONFIDENCE, verdictOf } from '@/lib/checkout/verdict';
import { verdictText } from '@/lib/checkout/verdict-text';

const en = JSON.parse(readFileSync(resolve(__dirname, '../../public/_locales/en/messages.json'), 'utf8'));
const t = createTranslator(getMessageFromCatalogue(en));

function analyseFixture(name: string) {
  const html = readFileSync(resolve(__dirname, '../fixtures/checkout/legal', name), 'utf8');
  return analyzeDocument(parseHtml(html), { url: `https://legal.lumen-group.com/${name}` });
}

const label = (
  category: CategoryId,
  stance: Stance,
  confidence = 0.9,
  rule: string | null = null,
): Label => ({
  category,
  stance,
  confidence,
  evidence: { phrase: null, rule, features: [] },
});

let n = 0;
function clause(text: string, labels: Label[], over: Partial<AnalysedClause> = {}): AnalysedClause {
  n += 1;
  return {
    id: `c${n}`,
    text,
    section: 'Terms',
    headingPath: ['Terms'],
    block: n,
    unit: 'sentence',
    labels,
    explanation: null,
    slots: { data: [], purposes: [], safeguards: [], choice: null, scope: [], default: null },
    ...over,
  };
}

describe('verdict on the team-written Lumen terms', () => {
  const analysis = analyseFixture('lumen-terms.html');
  const verdict = verdictOf(analysis.clauses);
  const text = verdictText(verdict, t, 'en');

  it('lists arbitration first, with its class-action waiver and its 30-day opt-out window', () => {
    expect(verdict.findings.map((f) => f.topic)).toEqual(['arbitration', 'ai-training', 'auto-renewal']);
    expect(verdict.findings[0]!.facts).toMatchObject({
      binding: true,
      classWaiver: true,
      optOut: true,
      optOutDays: 30,
    });
    expect(text.findings[0]).toMatchObject({
      slot: 'opt out within 30 days',
      text: 'Disputes go to binding arbitration instead of court, and you give up class actions. You can opt out within 30 days.',
    });
    // The quotes lead with the sentence that states it and then the one holding the window.
    expect(text.findings[0]!.quotes.map((q) => q.text).join(' ')).toMatch(
      /within 30 days of first accepting/,
    );
  });

  it('reads the opt-out of AI training from the sentence right after it', () => {
    expect(text.findings[1]).toMatchObject({
      slot: 'turn it off in settings',
      text: 'They may use your notes and files to train AI models. You can turn it off in settings.',
    });
    expect(text.findings[2]).toMatchObject({
      slot: 'until you cancel',
      text: 'Your subscription renews automatically until you cancel it.',
    });
  });

  it('counts everything else with the one count function, leaving out what the findings already say', () => {
    const others = Object.fromEntries(verdict.others.map((o) => [o.category, o.count]));
    const all = findingCounts(analysis.clauses).byCategory;
    expect(others['unilateral-change']).toBe(all['unilateral-change']);
    expect(others['content-license']).toBe(all['content-license']);
    expect(others.arbitration).toBeUndefined();
    expect(others['ai-training']).toBeUndefined();
    expect(text.others).toMatch(/^Everything else: .*Changes without consent 2/);
  });
});

describe('verdict on the team-written Lumen privacy notice', () => {
  const verdict = verdictOf(analyseFixture('lumen-privacy.html').clauses);
  const text = verdictText(verdict, t, 'en');

  it('shows "will not sell or rent" as a reassurance, quoting the sentence', () => {
    expect(verdict.reassurances.map((r) => r.category)).toEqual(['data-sale']);
    expect(text.reassurances[0]!.text).toBe('They say they will not sell or rent your personal data.');
    expect(text.reassurances[0]!.quotes[0]!.text).toBe(
      'We will not sell or rent your personal information to anyone.',
    );
    expect(text.findings.map((f) => f.id)).toEqual(['data-sharing']);
    expect(text.findings[0]!.text).toBe('They share your personal data with other companies.');
  });
});

describe('verdict rules', () => {
  it('takes only painted labels as evidence: no possible labels, no weak stored labels, no contents lines', () => {
    expect(MIN_EVIDENCE_CONFIDENCE).toBe(bundledModel()!.minPaintProbability);
    const clauses = [
      // A possible label (listed apart, never painted).
      {
        ...clause('We may use your content to train our models.', []),
        possible: [label('ai-training', 'permits', 0.4)],
      },
      // A label stored by an older classifier at 0.13.
      clause('Any dispute will be resolved by binding arbitration.', [label('arbitration', 'permits', 0.13)]),
      // A contents line and a heading, even when labelled.
      clause('Sale of personal information', [label('data-sale', 'permits')], { statement: false }),
      clause('Arbitration and class action waiver', [label('arbitration', 'permits')], { unit: 'heading' }),
    ];
    const verdict = verdictOf(clauses);
    expect(verdict).toEqual({ findings: [], reassurances: [], others: [], evidenceClauses: 0 });
    expect(verdictText(verdict, t).nothing).toMatch(/^Nothing a buyer should know first was found/);
  });

  it('orders findings by importance, not by how often the document repeats them, and shows at most three', () => {
    const clauses = [
      ...Array.from({ length: 6 }, () =>
        clause('We may change these terms at any time without notice.', [
          label('unilateral-change', 'permits'),
        ]),
      ),
      ...Array.from({ length: 4 }, () =>
        clause('We share your personal data with our advertising partners.', [
          label('data-sharing', 'permits'),
        ]),
      ),
      clause('We may sell your personal information to data brokers.', [label('data-sale', 'permits')]),
      clause('All disputes are resolved by binding arbitration.', [
        label('arbitration', 'permits', 0.99, 'arb.arbitration'),
      ]),
    ];
    const verdict = verdictOf(clauses);
    expect(verdict.findings).toHaveLength(MAX_FINDINGS);
    expect(verdict.findings.map((f) => f.topic)).toEqual(['arbitration', 'data-sale', 'data-sharing']);
    // The change clauses did not make the top three: they are counted under everything else.
    expect(verdict.others).toEqual([{ category: 'unilateral-change', count: 6 }]);
    const lines = verdictText(verdict, t);
    expect(lines.findings[0]!.slot).toBe('no opt-out stated');
  });

  it('states an opt-out window written in words and in digits', () => {
    const words = verdictOf([
      clause('Disputes will be settled by final and binding arbitration.', [label('arbitration', 'permits')]),
      clause('You may reject this arbitration agreement within thirty (30) days of signing up.', [
        label('arbitration', 'unclear'),
      ]),
    ]);
    expect(words.findings[0]!.facts).toMatchObject({ binding: true, optOut: true, optOutDays: 30 });
    const noWindow = verdictOf([
      clause('You may opt out of arbitration by writing to us.', [label('arbitration', 'unclear')]),
    ]);
    expect(verdictText(noWindow, t).findings[0]!.text).toBe(
      'Disputes may go to private arbitration instead of court. You can opt out; no deadline is stated.',
    );
  });

  it('keeps a promise only when it is unconditional and nothing in the document says the opposite', () => {
    const promise = clause('We do not sell your personal information.', [label('data-sale', 'denies')]);
    const conditional = clause('If you opt out, we will not use your data to target ads.', [
      label('targeted-advertising', 'denies'),
    ]);
    expect(verdictOf([promise, conditional]).reassurances.map((r) => r.category)).toEqual(['data-sale']);
    const contradicted = verdictOf([
      promise,
      clause('We may sell your data to partners for value.', [label('data-sale', 'permits')]),
    ]);
    expect(contradicted.reassurances).toEqual([]);
    expect(contradicted.findings.map((f) => f.topic)).toEqual(['data-sale']);
  });

  it('reads automatic renewal from statements only (never a heading or contents line), and not its negation', () => {
    // No category of the taxonomy covers renewal: a statement saying so is its own evidence, painted or not.
    const statement = clause('Your membership renews automatically each year.', []);
    expect(verdictOf([statement]).findings.map((f) => f.topic)).toEqual(['auto-renewal']);
    const contents = clause('Your membership renews automatically', [], { statement: false });
    expect(verdictOf([contents]).findings).toEqual([]);
    const negated = clause('Your membership will not auto-renew after you cancel it.', [
      label('user-choice', 'permits'),
    ]);
    expect(verdictOf([negated]).findings).toEqual([]);
  });
});
