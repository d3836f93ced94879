/**
 * How the page analysis (entrypoints/page-analysis, a separate file) is loaded and started.
 *
 * Loading it is most of the wait before the first highlights (~75–120 ms of wall time on a slow machine,
 * mostly the extension resource load, not our code). On addresses that name a policy (`PRELOAD_URL_GLOBS`),
 * a tiny `document_start` script begins that load while the page itself is still loading; the every-page
 * script still decides at `document_idle`, after triage, whether the analysis starts. So the file is
 * evaluated early but does nothing: it only publishes its entry point here, and `startAnalysis` runs it.
 *
 * Both scripts run in the extension's one isolated world per frame, so they meet on its global object
 * (invisible to the page's scripts). Each bundles its own copy of this module, hence a `Symbol.for` key.
 * @module
 */

/** The isolated world's global object, or a stand-in in tests. */
export type HandoffScope = object;

interface Slot {
  /** The file's load, started by the preload or by `startAnalysis`. */
  loading?: Promise<unknown>;
  /** The stored settings, read by the preload; dropped when they change before the analysis takes them. */
  settings?: Promise<unknown>;
  unwatchSettings?: () => void;
  /** The analysis' entry point, published when the file is evaluated. */
  start?: () => void;
  started?: boolean;
}

const KEY = Symbol.for('fineprint.page-analysis');

function slotOf(scope: HandoffScope): Slot {
  const holder = scope as { [KEY]?: Slot };
  holder[KEY] ??= {};
  return holder[KEY];
}

/** Starts loading the analysis file, once; a failed load is retried by `startAnalysis`. */
export function preloadAnalysis(scope: HandoffScope, load: () => Promise<unknown>): void {
  const slot = slotOf(scope);
  if (slot.loading) return;
  const loading = load();
  slot.loading = loading;
  loading.catch(() => {
    if (slot.loading === loading) slot.loading = undefined;
  });
}

/**
 * Starts reading the stored settings along with the file (a storage read takes 10–50 ms on a busy machine, and
 * the analysis needs them before it sends anything). `watch` calls its argument when the settings change and
 * returns how to stop watching: a read made stale by a change is dropped, and the analysis reads again.
 */
export function prefetchSettings(
  scope: HandoffScope,
  read: () => Promise<unknown>,
  watch: (changed: () => void) => () => void,
): void {
  const slot = slotOf(scope);
  if (slot.settings || slot.started) return;
  const settings = read();
  settings.catch(() => undefined); // a failed read is the analysis' to handle, when it takes it
  slot.settings = settings;
  slot.unwatchSettings = watch(() => {
    slot.unwatchSettings?.();
    slot.unwatchSettings = undefined;
    slot.settings = undefined;
  });
}

/** The prefetched settings read, once (undefined when there is none, or it went stale). */
export function takePrefetchedSettings(scope: HandoffScope): Promise<unknown> | undefined {
  const slot = slotOf(scope);
  const settings = slot.settings;
  slot.unwatchSettings?.();
  slot.unwatchSettings = undefined;
  slot.settings = undefined;
  return settings;
}

/** Called by the analysis file when it is evaluated: its entry point, run later by `startAnalysis`. */
export function publishAnalysis(scope: HandoffScope, start: () => void): void {
  slotOf(scope).start = start;
}

/**
 * Loads the analysis if the preload has not (or failed), and runs its entry point once per frame. Rejects
 * when the file cannot be loaded or published nothing.
 */
export async function startAnalysis(scope: HandoffScope, load: () => Promise<unknown>): Promise<void> {
  const slot = slotOf(scope);
  if (slot.started) return;
  if (!slot.start) {
    // A failed preload has cleared `loading` only once its rejection was seen: wait for that first.
    await slot.loading?.catch(() => undefined);
    preloadAnalysis(scope, load);
    await slot.loading;
  }
  if (slot.started) return;
  const start = slot.start;
  if (!start) throw new Error('the page analysis loaded but published no entry point');
  slot.started = true;
  start();
}

/**
 * Addresses on which the analysis is preloaded (the manifest's `include_globs` of the preload script). Each
 * word is one of triage's policy names (lib/detect/triage `NAME`), so a page whose path holds one is let
 * through by triage and the preload is not wasted (tests/unit/analysis-handoff.test.ts). Globs are
 * case-sensitive, hence the capitalised forms of the commonest words. Other policy addresses simply load the
 * analysis after triage, as before.
 */
export const PRELOAD_URL_WORDS = [
  'privacy',
  'Privacy',
  'terms',
  'Terms',
  'legal',
  'Legal',
  'cookie',
  'condition',
  'agreement',
  'eula',
  'datenschutz',
  'nutzungsbedingungen',
  'confidentialit',
  'privacidad',
  'condiciones',
  'termini',
  'informativa',
  'voorwaarden',
  'privacyverklaring',
] as const;

export const PRELOAD_URL_GLOBS: string[] = PRELOAD_URL_WORDS.map((w) => `*${w}*`);
