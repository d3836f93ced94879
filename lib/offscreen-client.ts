/**
 * The background's side of Chrome's offscreen document (it parses HTML for the service worker, which has no
 * DOM): start the document once, however many callers ask at the same time, and deliver a message to it.
 *
 * Two races are handled, both seen in CI with several browsers running at once (2026-12-02):
 *  - a document still being created is already listed by `runtime.getContexts`, before its script listens,
 *    so a caller that only checked the list sent its message to nobody; callers wait for a creation in
 *    flight instead;
 *  - a send that finds no listener (the document was closed or is still loading) is tried once more, after
 *    making sure the document exists.
 * @module
 */

export interface OffscreenEnv {
  /** How many offscreen documents this extension has (`runtime.getContexts`). */
  count: () => Promise<number>;
  /** Creates the document (`offscreen.createDocument`); rejects when one exists already. */
  create: () => Promise<void>;
  /** Sends a runtime message; resolves with the reply (undefined when nobody answered). */
  send: (message: unknown) => Promise<unknown>;
  /** Waits `ms` (setTimeout). */
  wait: (ms: number) => Promise<void>;
}

export interface OffscreenClient {
  /** Resolves once the document exists and has loaded. */
  ensure: () => Promise<void>;
  /** `message` delivered to the document (tried twice); its reply, or undefined when it did not answer. */
  ask: (message: unknown) => Promise<unknown>;
}

/** Between a send nobody answered and the second try: a document that is loading gets time to listen. */
const RETRY_AFTER_MS = 50;

export function createOffscreenClient(env: OffscreenEnv): OffscreenClient {
  let creating: Promise<void> | null = null;

  const ensure = async (): Promise<void> => {
    if (creating) return creating;
    const count = await env.count();
    // Another caller started a creation while this one counted: the document may be listed already and not
    // listening yet.
    if (creating) return creating;
    if (count > 0) return;
    creating = env
      .create()
      .catch((error: unknown) => {
        // Another creation won the race: the document exists, which is all we need.
        if (!/single offscreen/i.test(String(error))) throw error;
      })
      .finally(() => {
        creating = null;
      });
    return creating;
  };

  const ask = async (message: unknown): Promise<unknown> => {
    await ensure();
    const first = await env.send(message).catch(() => undefined);
    if (first !== undefined) return first;
    await env.wait(RETRY_AFTER_MS);
    await ensure();
    return env.send(message);
  };

  return { ensure, ask };
}
