/**
 * The classifier contract: `classifyClauses(clauses)` → labelled, explained clauses. Runs in the
 * background and the CLI (never in the content script): rules + the bundled trained model.
 * @module
 */
import type { AnalysedClause, Clause } from '../types';
import { classifyWith } from './classifier';
import { loadModel, type LinearModel, type ModelFile } from './model';
import modelFile from './model.json';

export { labelClause, classifyWith } from './classifier';

let model: LinearModel | null | undefined;

/**
 * The bundled model, decoded once on first use. A malformed model file degrades to the rules (strong
 * patterns only) instead of failing every page.
 */
export function bundledModel(): LinearModel | null {
  if (model === undefined) {
    try {
      model = loadModel(modelFile as unknown as ModelFile);
    } catch {
      model = null;
    }
  }
  return model;
}

/** Whether the bundled model has been decoded (or found malformed) in this process already. */
export function bundledModelDecoded(): boolean {
  return model !== undefined;
}

/** Label, fill slots and explain every clause with the rules and the bundled model. */
export function classifyClauses(clauses: Clause[]): AnalysedClause[] {
  return classifyWith(clauses, bundledModel());
}
