/**
 * The classifier contract: `classifyClauses(clauses)` → labelled, explained clauses. Runs in the
 * background and the CLI (never in the content script).
 * @module
 */
import type { AnalysedClause, Clause } from '../types';
import { classifyWith } from './classifier';

export { labelClause, classifyWith } from './classifier';

/**
 * Rules + the bundled trained model. Until the model is trained this runs the rules alone (strong
 * patterns label; weak ones only feed the model).
 */
export function classifyClauses(clauses: Clause[]): AnalysedClause[] {
  return classifyWith(clauses, null);
}
