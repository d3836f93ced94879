/**
 * The fixed evaluation split. The held-out services were chosen from the corpus listing before any model
 * was trained or evaluated, and must not change after looking at results (docs/accuracy.md says why each).
 * @module
 */

/**
 * GenAI providers (Claude.ai, DeepSeek), platforms that added AI-training wording (Pinterest, Spotify,
 * Grammarly) and dating services with none (Bumble, Tinder), so held-out precision is tested on ordinary
 * policies too.
 */
export const HELD_OUT_SERVICES: readonly string[] = [
  'Claude.ai',
  'DeepSeek',
  'Pinterest',
  'Spotify',
  'Grammarly',
  'Bumble',
  'Tinder',
];

/** Whether a dataset service name is one of the held-out services (case-insensitive). */
export function isHeldOut(service: string): boolean {
  const s = service.trim().toLowerCase();
  return HELD_OUT_SERVICES.some((h) => h.toLowerCase() === s);
}
