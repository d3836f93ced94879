/**
 * Court, venue or governing law alone is not arbitration (guide §3 arbitration, settled 2026-12-07, session 10):
 * also under a section title run into the sentence, and with arbitration named only as a cost beside the
 * courts'. Team-written sentences; the near misses send disputes to arbitration and keep the label.
 */
import { describe, expect, it } from 'vitest';
import { gatedOut, isCourtOnly } from '../../lib/classify/rules/gates';
import { shownStance } from '../support/clauses';

describe('court or law only, not arbitration', () => {
  it.each([
    'Applicable Law and Arbitration: These terms are governed by the laws of Norway.',
    '12. Disputes and Arbitration: The courts of Oslo alone may hear any claim about these terms.',
    'You will repay what we spend recovering unpaid sums, including lawyers’ fees and court or arbitration costs.',
  ])('gates %s', (text) => {
    expect(isCourtOnly(text)).toBe(true);
    expect(gatedOut('arbitration', text)).toBe(true);
  });

  it.each([
    'Applicable Law and Arbitration: Any claim will be decided by a single arbitrator under the laws of Norway.',
    'Each side pays its own arbitration costs, and the courts of Oslo may enforce the award.',
    'Arbitration: the laws of Norway govern these terms and disputes go to binding arbitration.',
  ])('keeps %s', (text) => {
    expect(isCourtOnly(text)).toBe(false);
  });
});

// Guide §3 arbitration (settled 2026-12-07, session 10, where the two passes disagreed): the seat, place,
// language or rules of the arbitration tell the user disputes are arbitrated. A guard: the pipeline already
// paints these, and the court-only gate must not start taking them for a venue clause.
describe('procedures of an arbitration stay arbitration', () => {
  it.each([
    'The seat of the arbitration is Geneva.',
    'Hearings of the arbitration take place in Toronto and are held in French.',
    'The arbitration follows the rules of the chamber of commerce in force when the claim is filed.',
  ])('keeps %s', (text) => {
    expect(isCourtOnly(text)).toBe(false);
    expect(gatedOut('arbitration', text)).toBe(false);
    expect(shownStance(text, 'arbitration')).toBe('permits');
  });
});
