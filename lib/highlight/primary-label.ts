/**
 * Which of a clause's labels decides its highlight colour.
 * @module
 */
import { TAXONOMY } from '../classify/taxonomy';
import type { Label } from '../types';

/**
 * The label shown on the page when a clause has several: among the categories the user wants shown, the one
 * users care about most (taxonomy weight), then the most confident. Null when none is shown.
 */
export function primaryLabel<L extends Pick<Label, 'category' | 'confidence'>>(
  labels: readonly L[],
  shown?: ReadonlySet<string>,
): L | null {
  let best: L | null = null;
  for (const label of labels) {
    if (shown && !shown.has(label.category)) continue;
    if (
      !best ||
      TAXONOMY[label.category].weight > TAXONOMY[best.category].weight ||
      (TAXONOMY[label.category].weight === TAXONOMY[best.category].weight &&
        label.confidence > best.confidence)
    )
      best = label;
  }
  return best;
}
