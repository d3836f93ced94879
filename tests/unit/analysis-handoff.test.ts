import { describe, expect, it, vi } from 'vitest';
import {
  PRELOAD_URL_GLOBS,
  PRELOAD_URL_WORDS,
  prefetchSettings,
  preloadAnalysis,
  publishAnalysis,
  startAnalysis,
  takePrefetchedSettings,
} from '../../lib/analysis-handoff';
import { urlSignalText } from '../../lib/detect/page-signals';
import { triage } from '../../lib/detect/triage';

/** A stand-in for the analysis file: evaluating it publishes `entry` on the scope, as the real file does. */
function analysisFile(scope: object, entry: () => void) {
  return vi.fn(async () => {
    await Promise.resolve();
    publishAnalysis(scope, entry);
  });
}

/** Chrome's `include_globs` test: `*` any run of characters, `?` one, against the whole URL. */
function globMatches(glob: string, url: string): boolean {
  const source = glob
    .replace(/[.+^${}()|[\]\\]/g, '\\$&')
    .replace(/\*/g, '.*')
    .replace(/\?/g, '.');
  return new RegExp(`^${source}$`).test(url);
}

const preloaded = (url: string) => PRELOAD_URL_GLOBS.some((g) => globMatches(g, url));

describe('analysis handoff', () => {
  it('a preloaded file does nothing until the gate starts it, and is loaded once', async () => {
    const scope = {};
    const entry = vi.fn();
    const load = analysisFile(scope, entry);
    preloadAnalysis(scope, load);
    preloadAnalysis(scope, load);
    await new Promise((r) => setTimeout(r, 0));
    expect(entry).not.toHaveBeenCalled();
    await startAnalysis(scope, load);
    await startAnalysis(scope, load);
    expect(load).toHaveBeenCalledTimes(1);
    expect(entry).toHaveBeenCalledTimes(1);
  });

  it('starting while the preload is still loading waits for it instead of loading again', async () => {
    const scope = {};
    const entry = vi.fn();
    const load = analysisFile(scope, entry);
    preloadAnalysis(scope, load);
    await startAnalysis(scope, load);
    expect(load).toHaveBeenCalledTimes(1);
    expect(entry).toHaveBeenCalledTimes(1);
  });

  it('without a preload, starting loads the file', async () => {
    const scope = {};
    const entry = vi.fn();
    const load = analysisFile(scope, entry);
    await startAnalysis(scope, load);
    expect(load).toHaveBeenCalledTimes(1);
    expect(entry).toHaveBeenCalledTimes(1);
  });

  it('a failed preload is retried when the gate starts the analysis', async () => {
    const scope = {};
    const entry = vi.fn();
    const good = analysisFile(scope, entry);
    preloadAnalysis(scope, () => Promise.reject(new Error('extension reloaded')));
    await startAnalysis(scope, good);
    expect(good).toHaveBeenCalledTimes(1);
    expect(entry).toHaveBeenCalledTimes(1);
  });

  it('a failed load rejects, so the gate reports it', async () => {
    const scope = {};
    await expect(startAnalysis(scope, () => Promise.reject(new Error('gone')))).rejects.toThrow('gone');
  });

  it('a file that publishes no entry point is an error, not a silent stop', async () => {
    await expect(startAnalysis({}, () => Promise.resolve())).rejects.toThrow(/published no entry point/);
  });

  it('scopes do not share state (each frame has its own isolated world)', async () => {
    const a = {};
    const b = {};
    const entryA = vi.fn();
    preloadAnalysis(a, analysisFile(a, entryA));
    const entryB = vi.fn();
    await startAnalysis(b, analysisFile(b, entryB));
    expect(entryB).toHaveBeenCalledTimes(1);
    expect(entryA).not.toHaveBeenCalled();
  });
});

describe('prefetched settings', () => {
  /** A settings store whose changes can be fired by hand. */
  function store() {
    const listeners = new Set<() => void>();
    return {
      read: vi.fn(() => Promise.resolve({ highlights: false })),
      watch: (changed: () => void) => {
        listeners.add(changed);
        return () => listeners.delete(changed);
      },
      change: () => [...listeners].forEach((l) => l()),
      listeners,
    };
  }

  it('are handed to the analysis once, and stop being watched then', async () => {
    const scope = {};
    const s = store();
    prefetchSettings(scope, s.read, s.watch);
    expect(s.listeners.size).toBe(1);
    await expect(takePrefetchedSettings(scope)).resolves.toEqual({ highlights: false });
    expect(s.listeners.size).toBe(0);
    expect(takePrefetchedSettings(scope)).toBeUndefined();
  });

  it('are dropped when the settings change before the analysis takes them (it reads them again)', () => {
    const scope = {};
    const s = store();
    prefetchSettings(scope, s.read, s.watch);
    s.change();
    expect(s.listeners.size).toBe(0);
    expect(takePrefetchedSettings(scope)).toBeUndefined();
  });

  it('a failed read is handed over as a rejection, for the analysis to fall back on defaults', async () => {
    const scope = {};
    const s = store();
    s.read.mockImplementationOnce(() => Promise.reject(new Error('storage unavailable')));
    prefetchSettings(scope, s.read, s.watch);
    await expect(takePrefetchedSettings(scope)).rejects.toThrow('storage unavailable');
  });

  it('are not prefetched once the analysis has started', async () => {
    const scope = {};
    await startAnalysis(
      scope,
      analysisFile(scope, () => undefined),
    );
    const s = store();
    prefetchSettings(scope, s.read, s.watch);
    expect(s.read).not.toHaveBeenCalled();
    expect(takePrefetchedSettings(scope)).toBeUndefined();
  });
});

describe('preload addresses', () => {
  it('every preload word in a path is enough for triage to let the page through', () => {
    for (const word of PRELOAD_URL_WORDS) {
      const facts = {
        path: urlSignalText(`https://example.com/about/${word}-page`),
        title: '',
        headings: [],
        relSelf: false,
        formHint: false,
        text: '',
      };
      expect(triage(facts).inspect, word).toBe(true);
    }
  });

  it('matches the usual policy addresses and not ordinary pages', () => {
    for (const url of [
      'https://openai.com/policies/eu-privacy-policy/',
      'https://www.anthropic.com/legal/privacy',
      'https://help.example.com/Terms-of-Service',
      'https://www.example.de/datenschutz',
      'https://shop.example/pages/terms-and-conditions',
    ])
      expect(preloaded(url), url).toBe(true);
    for (const url of [
      'https://www.theguardian.com/world/2015/article',
      'https://example.com/',
      'https://shop.example/checkout',
    ])
      expect(preloaded(url), url).toBe(false);
  });
});
