// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { TriageVerdict } from '../../lib/detect/triage';
import { notPolicyReport, startPageGate, UNFINISHED_PAGE_CHARS, type GateEnv } from '../../lib/page-gate';

afterEach(() => {
  vi.useRealTimers();
  document.body.replaceChildren();
});

const stop: TriageVerdict = { inspect: false, reason: 'nothing policy-like' };
const go: TriageVerdict = { inspect: true, reason: 'title names a policy' };

/** A gate over happy-dom's document with a controllable URL and triage. */
function setup(verdicts: TriageVerdict[]) {
  vi.useFakeTimers();
  let href = 'https://shop.test/';
  const target = new EventTarget();
  const signs = new EventTarget();
  const observers = { made: 0 };
  let watchersMade = 0;
  class CountedObserver extends MutationObserver {
    constructor(callback: MutationCallback) {
      super(callback);
      observers.made++;
    }
  }
  const triage = vi.fn(() => verdicts.shift() ?? stop);
  const load = vi.fn(() => Promise.resolve());
  const extension = { alive: true };
  const env: GateEnv = {
    triage,
    load,
    alive: () => extension.alive,
    href: () => href,
    watchers: () => {
      watchersMade++;
      return {
        url: {
          href: () => href,
          target,
          setInterval: (fn, ms) => setInterval(fn, ms),
          clearInterval: (id) => clearInterval(id as number),
        },
        mutations: {
          root: document.documentElement,
          env: {
            MutationObserver: CountedObserver,
            setTimeout: (fn, ms) => setTimeout(fn, ms),
            clearTimeout: (id) => clearTimeout(id as number),
            now: () => Date.now(),
          },
        },
      };
    },
    signs,
    onLoadError: vi.fn(),
  };
  const navigate = (to: string) => {
    href = to;
    target.dispatchEvent(new Event('popstate'));
  };
  return { env, triage, load, navigate, extension, signs, observers, watchersMade: () => watchersMade };
}

describe('startPageGate', () => {
  it('hands a page triage lets through to the analysis at once, and stops watching', () => {
    const { env, triage, load, navigate } = setup([go]);
    const gate = startPageGate(env);
    expect(load).toHaveBeenCalledTimes(1);
    expect(gate.handedOver()).toBe(true);
    navigate('https://shop.test/other');
    expect(triage).toHaveBeenCalledTimes(1);
  });

  it('loads nothing on a page triage stops, until a navigation leads to a policy', () => {
    const { env, triage, load, navigate } = setup([stop, stop, go]);
    const gate = startPageGate(env);
    expect(load).not.toHaveBeenCalled();
    expect(gate.verdict()).toBe(stop);
    // A fragment change is the same document: no new look.
    navigate('https://shop.test/#reviews');
    expect(triage).toHaveBeenCalledTimes(1);
    navigate('https://shop.test/cart');
    expect(load).not.toHaveBeenCalled();
    navigate('https://shop.test/legal/privacy');
    expect(load).toHaveBeenCalledTimes(1);
    expect(gate.handedOver()).toBe(true);
  });

  it('looks again when a burst of text appears (a client-rendered policy), not for a few words', async () => {
    const { env, triage, load } = setup([stop, go]);
    startPageGate(env);
    const small = document.createElement('p');
    small.textContent = 'Loading…';
    document.body.append(small);
    await vi.advanceTimersByTimeAsync(600);
    expect(triage).toHaveBeenCalledTimes(1);
    const policy = document.createElement('article');
    policy.textContent = 'We collect personal data about you. '.repeat(20);
    document.body.append(policy);
    await vi.advanceTimersByTimeAsync(600);
    expect(triage).toHaveBeenCalledTimes(2);
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('reports a failed load without throwing, and does not retry on every change', async () => {
    const { env, navigate } = setup([go]);
    const error = new Error('blocked');
    env.load = vi.fn(() => Promise.reject(error));
    startPageGate(env);
    await vi.advanceTimersByTimeAsync(0);
    expect(env.onLoadError).toHaveBeenCalledWith(error);
    navigate('https://shop.test/terms');
    expect(env.load).toHaveBeenCalledTimes(1);
  });

  it('a script whose extension is gone (updated, reloaded) stops at the next change instead of acting', async () => {
    const { env, triage, load, navigate, extension } = setup([stop, go, go]);
    startPageGate(env);
    extension.alive = false;
    navigate('https://shop.test/privacy');
    expect(triage).toHaveBeenCalledTimes(1);
    expect(load).not.toHaveBeenCalled();
    // And it no longer watches: the extension coming back (it cannot) or more text changes nothing.
    extension.alive = true;
    navigate('https://shop.test/terms');
    const policy = document.createElement('article');
    policy.textContent = 'We collect personal data about you. '.repeat(20);
    document.body.append(policy);
    await vi.advanceTimersByTimeAsync(600);
    expect(triage).toHaveBeenCalledTimes(1);
    expect(load).not.toHaveBeenCalled();
  });

  it('on a page with plenty of text, watches nothing until the page shows signs of being an app', async () => {
    const full: TriageVerdict = { ...stop, textChars: UNFINISHED_PAGE_CHARS * 5 };
    const { env, triage, load, navigate, signs, observers, watchersMade } = setup([full, full, go]);
    startPageGate(env);
    expect(observers.made).toBe(0);
    // Not even their environments were asked for (they read window.navigation and MutationObserver).
    expect(watchersMade()).toBe(0);
    // No watcher yet: neither a navigation the gate would only hear through its URL watch nor added text.
    navigate('https://shop.test/cart');
    const policy = document.createElement('article');
    policy.textContent = 'We collect personal data about you. '.repeat(20);
    document.body.append(policy);
    await vi.advanceTimersByTimeAsync(600);
    expect(triage).toHaveBeenCalledTimes(1);
    // A click: the URL moved since triage read the page, so it looks again, and the watchers start.
    signs.dispatchEvent(new Event('click'));
    expect(triage).toHaveBeenCalledTimes(2);
    expect(observers.made).toBe(1);
    // From now on the watchers hear the app: a client-side navigation to its policy is analysed.
    navigate('https://shop.test/legal/privacy');
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('a click that moves nothing only starts the watchers; a later burst of text is looked at', async () => {
    const full: TriageVerdict = { ...stop, textChars: UNFINISHED_PAGE_CHARS };
    const { env, triage, load, signs, observers } = setup([full, go]);
    startPageGate(env);
    signs.dispatchEvent(new Event('click'));
    signs.dispatchEvent(new Event('click'));
    expect(triage).toHaveBeenCalledTimes(1);
    expect(observers.made).toBe(1);
    const policy = document.createElement('article');
    policy.textContent = 'We collect personal data about you. '.repeat(20);
    document.body.append(policy);
    await vi.advanceTimersByTimeAsync(600);
    expect(triage).toHaveBeenCalledTimes(2);
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('a thin page (an app still rendering) is watched from the start', () => {
    const thin: TriageVerdict = { ...stop, textChars: UNFINISHED_PAGE_CHARS - 1 };
    const { env, observers } = setup([thin]);
    startPageGate(env);
    expect(observers.made).toBe(1);
  });

  it('stop() ends the watching', () => {
    const { env, triage, navigate } = setup([stop]);
    startPageGate(env).stop();
    navigate('https://shop.test/privacy');
    expect(triage).toHaveBeenCalledTimes(1);
  });
});

describe('notPolicyReport', () => {
  it('says "not a policy" with the detection and no clauses', () => {
    const r = notPolicyReport({ kind: 'other', confidence: 0.9, reasons: ['why'] }, 'https://a.test/', 'A');
    expect(r).toMatchObject({
      url: 'https://a.test/',
      page: { kind: 'other', confidence: 0.9, title: 'A', reasons: ['why'], language: 'und' },
      clauses: [],
      unsupported: { reason: 'not-a-policy' },
      unplaced: 0,
    });
  });
});
