// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  isRangeStale,
  MAX_REANALYSES,
  planForMutations,
  sameDocument,
  uncoveredRevealedChars,
  watchMutations,
  watchUrl,
  type MutationSummary,
} from '../../lib/page-watch';

afterEach(() => {
  vi.useRealTimers();
  document.body.replaceChildren();
});

describe('watchUrl', () => {
  it('reports pushState changes by polling and popstate immediately, once each', () => {
    vi.useFakeTimers();
    let href = 'https://a.test/one';
    const target = new EventTarget();
    const seen: string[] = [];
    const stop = watchUrl(
      { href: () => href, target, setInterval, clearInterval: (id) => clearInterval(id as number) },
      (now, prev) => seen.push(`${prev}→${now}`),
      100,
    );
    href = 'https://a.test/two';
    vi.advanceTimersByTime(100);
    vi.advanceTimersByTime(300);
    href = 'https://a.test/three';
    target.dispatchEvent(new Event('popstate'));
    expect(seen).toEqual([
      'https://a.test/one→https://a.test/two',
      'https://a.test/two→https://a.test/three',
    ]);
    stop();
    href = 'https://a.test/four';
    vi.advanceTimersByTime(500);
    target.dispatchEvent(new Event('popstate'));
    expect(seen).toHaveLength(2);
  });

  it('listens to the Navigation API when present, and then does not poll', () => {
    let href = 'https://a.test/';
    const navigation = new EventTarget();
    const seen: string[] = [];
    const intervals: number[] = [];
    const stop = watchUrl(
      {
        href: () => href,
        target: new EventTarget(),
        navigation,
        setInterval: (_fn, ms) => intervals.push(ms),
        clearInterval: () => {},
      },
      (now) => seen.push(now),
    );
    expect(intervals).toEqual([]);
    // The page's own pushState / replaceState: the current entry changes, nothing else fires.
    href = 'https://a.test/next';
    navigation.dispatchEvent(new Event('currententrychange'));
    // An event without a change (a same-URL replaceState) reports nothing.
    navigation.dispatchEvent(new Event('currententrychange'));
    href = 'https://a.test/other';
    navigation.dispatchEvent(new Event('currententrychange'));
    expect(seen).toEqual(['https://a.test/next', 'https://a.test/other']);
    stop();
    href = 'https://a.test/after-stop';
    navigation.dispatchEvent(new Event('currententrychange'));
    expect(seen).toHaveLength(2);
  });

  it('sameDocument ignores only the fragment', () => {
    expect(sameDocument('https://a.test/p#x', 'https://a.test/p#y')).toBe(true);
    expect(sameDocument('https://a.test/p', 'https://a.test/q')).toBe(false);
  });
});

describe('watchMutations', () => {
  const env = () => ({
    MutationObserver: window.MutationObserver,
    setTimeout: (fn: () => void, ms: number) => setTimeout(fn, ms),
    clearTimeout: (id: unknown) => clearTimeout(id as number),
    now: () => Date.now(),
  });
  const isOwn = (n: Node) => n.nodeType === 1 && (n as Element).hasAttribute('data-fineprint-ui');

  it('debounces a burst of page mutations into one summary, ignoring our own nodes', async () => {
    const calls: MutationSummary[] = [];
    const watch = watchMutations(document.body, env(), { isOwn, debounceMs: 30 }, (s) => calls.push(s));
    for (let i = 0; i < 5; i++) {
      const p = document.createElement('p');
      p.textContent = 'Policy text that rendered late.';
      document.body.append(p);
    }
    const ours = document.createElement('div');
    ours.setAttribute('data-fineprint-ui', '');
    ours.textContent = 'our card text, must not count';
    document.body.append(ours);
    ours.append(document.createElement('span'));
    await new Promise((r) => setTimeout(r, 80));
    expect(calls).toHaveLength(1);
    expect(calls[0]!.addedChars).toBe(5 * 'Policytextthatrenderedlate.'.length);
    expect(calls[0]!.added).toHaveLength(5);
    watch.stop();
  });

  it('stays silent when only our own nodes change', async () => {
    const calls: MutationSummary[] = [];
    const watch = watchMutations(document.body, env(), { isOwn, debounceMs: 10 }, (s) => calls.push(s));
    const ours = document.createElement('div');
    ours.setAttribute('data-fineprint-ui', '');
    document.body.append(ours);
    ours.textContent = 'x';
    ours.remove();
    await new Promise((r) => setTimeout(r, 40));
    expect(calls).toHaveLength(0);
    watch.stop();
  });
});

describe('planForMutations', () => {
  const facts = { isPolicy: true, unplaced: 0, staleRanges: 0, reanalyses: 0 };
  const change = (addedChars: number, uncoveredChars = 0) => ({ addedChars, uncoveredChars });
  it('redetects only when enough text appeared on a non-policy page', () => {
    expect(planForMutations({ ...facts, isPolicy: false }, change(50))).toBe('none');
    expect(planForMutations({ ...facts, isPolicy: false }, change(5000))).toBe('redetect');
  });
  it('reanalyses a policy when new text appears, but only a bounded number of times', () => {
    expect(planForMutations(facts, change(5000, 300))).toBe('reanalyse');
    expect(planForMutations({ ...facts, reanalyses: MAX_REANALYSES }, change(5000, 300))).toBe('none');
  });
  it('only relocates when the page re-rendered text it already had', () => {
    expect(planForMutations({ ...facts, staleRanges: 2 }, change(5000, 0))).toBe('relocate');
    expect(planForMutations({ ...facts, unplaced: 1 }, change(20))).toBe('relocate');
    expect(planForMutations(facts, change(20))).toBe('none');
  });
});

describe('revealed text', () => {
  it('reports attribute changes that may reveal text (an accordion opening), once per element', async () => {
    const panel = document.createElement('div');
    panel.hidden = true;
    panel.textContent = 'A section that was closed until now, with enough words to matter.';
    document.body.append(panel);
    const calls: MutationSummary[] = [];
    const watch = watchMutations(
      document.body,
      {
        MutationObserver: window.MutationObserver,
        setTimeout: (fn: () => void, ms: number) => setTimeout(fn, ms),
        clearTimeout: (id: unknown) => clearTimeout(id as number),
        now: () => Date.now(),
      },
      { isOwn: () => false, debounceMs: 10 },
      (s) => calls.push(s),
    );
    panel.hidden = false;
    panel.setAttribute('data-unrelated', 'x');
    panel.classList.add('open');
    await new Promise((r) => setTimeout(r, 40));
    expect(calls).toHaveLength(1);
    expect(calls[0]!.revealed).toEqual([panel]);
    watch.stop();
  });

  it('counts only visible revealed text that the clauses do not already cover', () => {
    const norm = (t: string) => t.toLowerCase().replace(/[^a-z0-9]/g, '');
    const covered = norm('We share data with partners. We keep logs for a year.');
    const revealed = [
      { text: 'We share data with partners.', visible: true },
      { text: 'Disputes go to binding arbitration in Delaware.', visible: true },
      { text: 'Still closed: a hidden section of the page text.', visible: false },
    ];
    expect(uncoveredRevealedChars(revealed, covered, norm)).toBe(norm(revealed[1]!.text).length);
  });
});

describe('isRangeStale', () => {
  it('detects ranges whose nodes the page replaced', () => {
    const p = document.createElement('p');
    p.textContent = 'We may share your data.';
    document.body.append(p);
    const r = document.createRange();
    r.setStart(p.firstChild!, 0);
    r.setEnd(p.firstChild!, 6);
    expect(isRangeStale(r, document)).toBe(false);
    p.replaceWith(p.cloneNode(true));
    expect(isRangeStale(r, document)).toBe(true);
  });
});
