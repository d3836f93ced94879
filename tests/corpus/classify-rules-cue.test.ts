/**
 * Each rule family's cheap `cue` pre-check must never hide a match: on every labelled corpus sentence and
 * every CLAUDETTE EN sentence (read in place), the rules give the same hits with and without the cues.
 */
import { expect, it } from 'vitest';
import { applyRules, RULE_FAMILIES } from '../../lib/classify/rules';
import { loadTrainingData } from '../../scripts/train';
import { describeCorpus } from '../support/corpus';

describeCorpus('rule cues are implied by the patterns', () => {
  it('same hits with and without the cue pre-check', () => {
    const data = loadTrainingData();
    const texts = [...data.own, ...data.claudetteAll.flatMap((d) => d.items)].map((i) => ({
      text: i.text,
      leadIn: i.leadIn,
    }));
    expect(texts.length).toBeGreaterThan(1000);
    const withCues = texts.map((t) => JSON.stringify(applyRules(t)));
    const saved = RULE_FAMILIES.map((f) => f.cue);
    try {
      for (const f of RULE_FAMILIES) f.cue = /(?:)/;
      const missed = texts.filter((t, i) => JSON.stringify(applyRules(t)) !== withCues[i]);
      expect(missed.map((t) => t.text.slice(0, 80))).toEqual([]);
    } finally {
      RULE_FAMILIES.forEach((f, i) => (f.cue = saved[i]!));
    }
  });
});
