/**
 * Guide §4.2 R5: a sentence whose only statement is an exclusion — "All the above categories exclude payment
 * card numbers", "Temporary chats are excluded from training" — says the practice does not reach what it
 * excludes: `denies` in that scope. A participle after a practice ("we share it with partners, excluding…")
 * is no such sentence (the main clause decides), nor a way for the user to exclude something ("you can
 * exclude your posts from training", a choice: R2).
 * @module
 */
import type { CategoryId } from '../taxonomy';

const EXCLUSION_ONLY =
  /^\W*(?:(?!(?:you|users?|can|cannot|could|may|might|will|would|to|we|not|never)\b)[\w'-]+\s+){1,6}?(?:exclude[s]?|(?:is|are|were|was) excluded from)\b/i;

/** The data practices R5 speaks of; an exclusion in a dispute or licence clause is another matter. */
const DATA_PRACTICES: ReadonlySet<CategoryId> = new Set([
  'ai-training',
  'data-sharing',
  'data-sale',
  'targeted-advertising',
  'data-retention',
  'international-transfer',
  'de-identification',
]);

export function exclusionOnly(category: CategoryId, text: string): boolean {
  return DATA_PRACTICES.has(category) && EXCLUSION_ONLY.test(text);
}
