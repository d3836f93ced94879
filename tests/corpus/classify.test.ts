/**
 * Known clauses of real policies, found in the corpus in place by a short distinctive substring (the corpus
 * text is never copied here), classified by the bundled model. Covers practices, denials, user-side
 * prohibitions via a list lead-in, and descriptive text about training that is not a practice.
 * The shipped model is trained on every labelled service, so these are regression checks of the bundled
 * classifier, not a measure of generalisation: that is docs/accuracy.md (held-out services). In particular,
 * a model trained without Claude.ai still marks its descriptive training text (held-out false positives).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { classifyClauses } from '../../lib/classify';
import type { CategoryId, Stance } from '../../lib/classify/taxonomy';
import type { AnalysedClause } from '../../lib/types';
import { CORPUS, describeCorpus } from '../support/corpus';

/** The sentence (or list item) of a Markdown corpus document that contains `needle`. */
function sentenceWith(doc: string, needle: string): string {
  const text = readFileSync(join(CORPUS, doc), 'utf8');
  const at = text.indexOf(needle);
  if (at < 0) throw new Error(`"${needle}" not found in ${doc}`);
  const lineStart = text.lastIndexOf('\n', at) + 1;
  const lineEnd = text.indexOf('\n', at) < 0 ? text.length : text.indexOf('\n', at);
  const line = text.slice(lineStart, lineEnd);
  const rel = at - lineStart;
  // Sentence bounds within the line: the last ". " before the needle and the first ". " after it.
  const start = line.lastIndexOf('. ', rel) < 0 ? 0 : line.lastIndexOf('. ', rel) + 2;
  const endDot = line.indexOf('. ', rel + needle.length);
  const sentence = line.slice(start, endDot < 0 ? line.length : endDot + 1);
  return sentence
    .replace(/^\s*(?:[*-]|\d+\.)\s+/, '')
    .replace(/\*\*/g, '')
    .trim();
}

function classify(doc: string, needle: string, leadInNeedle?: string): AnalysedClause {
  const text = sentenceWith(doc, needle);
  const leadIn = leadInNeedle ? sentenceWith(doc, leadInNeedle) : undefined;
  const [c] = classifyClauses([
    {
      id: 'c',
      text,
      section: '',
      headingPath: [],
      leadIn,
      block: 0,
      unit: leadIn ? 'list-item' : 'sentence',
    },
  ]);
  return c!;
}

const stanceOf = (c: AnalysedClause, category: CategoryId): Stance | undefined =>
  c.labels.find((l) => l.category === category)?.stance;

const REDDIT_TOS = 'versions/Reddit__Terms_of_Service/2024-08-17_a74d89839d.md';
const CHATGPT_PP = 'versions/ChatGPT__Privacy_Policy/2026-05-18_cbfd0bf27e.md';
const PINTEREST_PP = 'versions/Pinterest__Privacy_Policy/2025-05-01_9b1557dec7.md';
const GRAMMARLY_PP = 'versions/Grammarly__Privacy_Policy/2025-10-29_e7c2c450c7.md';
const CLAUDE_PP = 'versions/Claude.ai__Privacy_Policy/2026-07-08_d46985982c.md';
const QUORA_TOS = 'versions/Quora__Terms_of_Service/2023-07-26_f188d3f062.md';
const TWITTER_PP = 'versions/Twitter__Privacy_Policy/2023-08-23_91665550aa.md';
const ATLASSIAN_PP = 'versions/Atlassian__Privacy_Policy/2025-07-17_f366c1ef9b.md';

describeCorpus('classifier on known clauses of real policies', () => {
  it.each([
    [REDDIT_TOS, 'right to use Your Content to train AI', 'permits'],
    [PINTEREST_PP, 'regardless of when Pins were posted', 'permits'],
    [GRAMMARLY_PP, 'We also use information we collect to train our AI models', 'permits'],
    [TWITTER_PP, 'to help train our machine learning or artificial intelligence models', 'permits'],
    [CLAUDE_PP, 'to train and improve Anthropic AI models, unless you opt out', 'permits'],
    // Guide R6: "once you opt out, … will not" is a condition about training itself, so the default decides:
    // training is on until the user opts out.
    [CHATGPT_PP, 'new conversations will not be used to train our models', 'permits'],
  ] as const)('%s: "%s" → ai-training/%s', (doc, needle, stance) => {
    const c = classify(doc, needle);
    expect(stanceOf(c, 'ai-training')).toBe(stance);
    // Evidence is a verbatim part of the clause, and the explanation follows the stance.
    const label = c.labels.find((l) => l.category === 'ai-training')!;
    if (label.evidence.phrase) expect(c.text).toContain(label.evidence.phrase);
    expect(c.explanation).toBeTruthy();
  });

  it('reads an opt-out-gated training clause with its choice and default', () => {
    const c = classify(CLAUDE_PP, 'to train and improve Anthropic AI models, unless you opt out');
    expect(stanceOf(c, 'user-choice')).toBe('permits');
    expect(c.slots.default).toBe('on');
    expect(c.slots.choice).toBe('turn it off in settings');
    expect(c.explanation).toMatch(/train AI models.*on by default.*turn it off in settings/);
  });

  it('reads a denial as a reassurance', () => {
    const c = classify(CHATGPT_PP, 'Chats from Temporary Chat won');
    expect(stanceOf(c, 'ai-training')).toBe('denies');
    expect(c.explanation).toMatch(/do NOT use/);
  });

  it('a list item under "you will not:" is a user-side prohibition, not a data practice', () => {
    const c = classify(
      QUORA_TOS,
      'including artificial intelligence or machine learning) (1)',
      'You represent and warrant that you will not',
    );
    expect(stanceOf(c, 'ai-training')).toBe('user-prohibited');
    expect(c.explanation).toMatch(/^You are not allowed/);
  });

  it.each([
    [CLAUDE_PP, 'are ‘trained’ on a variety of content such as text'],
    [CLAUDE_PP, 'At the end of pre-training, the model can predict the most likely next word'],
  ])('descriptive text about how models are trained is not a training practice: "%s"', (doc, needle) => {
    const c = classify(doc, needle);
    expect(stanceOf(c, 'ai-training')).not.toBe('permits');
  });

  it.each([
    [TWITTER_PP, 'sell your personal information'],
    [ATLASSIAN_PP, 'we do not sell personal information for monetary consideration'],
  ])('a sale denial is data-sale/denies: "%s"', (doc, needle) => {
    expect(stanceOf(classify(doc, needle), 'data-sale')).toBe('denies');
  });
});
