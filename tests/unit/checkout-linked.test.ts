import { describe, expect, it } from 'vitest';
import {
  CACHE_MAX_AGE_MS,
  checkoutView,
  foundCheckoutState,
  mergeResults,
  readLinkedPolicy,
  readLinks,
  summarise,
  type LinkedPolicyDeps,
} from '@/lib/checkout/linked-policies';
import type { PolicyLink } from '@/lib/checkout/find-policy-links';
import type { AnalysedClause, PageAnalysis } from '@/lib/types';
import type { CategoryId, Stance } from '@/lib/classify/taxonomy';
import { analysed } from '../support/clauses';

// Hand-written clauses (not corpus text).
const clause = (id: string, block: number, labels: [CategoryId, Stance][]): AnalysedClause =>
  analysed(block, `clause ${id} says what they do with it`, labels, { id });

const PAGE = 'https://shop.example/checkout';
const TERMS: PolicyLink = { url: 'https://shop.example/terms', text: 'Terms', kind: 'terms' };
const PRIVACY: PolicyLink = { url: 'https://shop.example/privacy', text: 'Privacy', kind: 'privacy-policy' };
const analysis: PageAnalysis = {
  page: { kind: 'terms', confidence: 1, language: 'en', title: 'Shop terms' },
  clauses: [
    clause('a', 1, [['arbitration', 'permits']]),
    clause('b', 2, [['ai-training', 'permits']]),
    clause('c', 3, []),
  ],
};

function makeDeps(over: Partial<LinkedPolicyDeps> = {}) {
  const calls: string[] = [];
  const deps: LinkedPolicyDeps = {
    isGranted: async () => true,
    lookup: async () => null,
    fetch: async (url) => {
      calls.push(`fetch ${url}`);
      return { ok: true, url, finalUrl: url, contentType: 'text/html', bytes: new Uint8Array([60]) };
    },
    analyze: async (html) => {
      calls.push(`analyze ${html}`);
      return analysis;
    },
    record: async (url) => void calls.push(`record ${url}`),
    now: () => 1_000_000_000,
    ...over,
  };
  return { deps, calls };
}

describe('summarise', () => {
  it('gives the verdict (findings by importance, promises as reassurances) and the painted clauses by weight', () => {
    const s = summarise([...analysis.clauses, clause('d', 4, [['data-sale', 'denies']])]);
    expect(s.verdict.findings.map((f) => f.topic)).toEqual(['arbitration', 'ai-training']);
    expect(s.verdict.reassurances.map((r) => r.category)).toEqual(['data-sale']);
    expect(s.clauses.map((c) => c.id)).toEqual(['b', 'a', 'd']);
  });

  it('leaves out labels below the paint floor, alone or next to a painted one', () => {
    const weak = clause('w', 5, [['data-sale', 'permits']]);
    weak.labels[0]!.confidence = 0.2;
    const mixed = clause('m', 6, [
      ['arbitration', 'permits'],
      ['ai-training', 'permits'],
    ]);
    mixed.labels[1]!.confidence = 0.13;
    const s = summarise([weak, mixed]);
    expect(s.clauses.map((c) => [c.id, c.labels.map((l) => l.category)])).toEqual([['m', ['arbitration']]]);
    expect(s.verdict.findings.map((f) => f.topic)).toEqual(['arbitration']);
  });
});

describe('readLinkedPolicy', () => {
  it('fetches, analyses, records and summarises', async () => {
    const { deps, calls } = makeDeps();
    const r = await readLinkedPolicy(TERMS, PAGE, deps);
    expect(r).toMatchObject({
      status: 'done',
      title: 'Shop terms',
    });
    expect(r.verdict?.findings.map((f) => f.topic)).toEqual(['arbitration', 'ai-training']);
    expect(calls).toEqual([`fetch ${TERMS.url}`, 'analyze <', `record ${TERMS.url}`]);
  });

  it('uses a recent stored version without fetching', async () => {
    const { deps, calls } = makeDeps({
      lookup: async () => ({ title: 'Stored', clauses: analysis.clauses, seenAt: 1_000_000_000 - 1000 }),
    });
    expect(await readLinkedPolicy(TERMS, PAGE, deps)).toMatchObject({
      status: 'done',
      fromCache: true,
      title: 'Stored',
    });
    expect(calls).toEqual([]);
  });

  it('fetches again when the stored version is old', async () => {
    const { deps, calls } = makeDeps({
      lookup: async () => ({ title: 'Stored', clauses: [], seenAt: 1_000_000_000 - CACHE_MAX_AGE_MS - 1 }),
    });
    expect((await readLinkedPolicy(TERMS, PAGE, deps)).fromCache).toBeUndefined();
    expect(calls[0]).toBe(`fetch ${TERMS.url}`);
  });

  it('decodes the fetched bytes with the shared decoder (a Latin-1 page stays readable)', async () => {
    const { deps, calls } = makeDeps({
      fetch: async (url) => ({
        ok: true,
        url,
        finalUrl: url,
        contentType: 'text/html',
        bytes: Uint8Array.from([0x43, 0x61, 0x66, 0xe9]),
      }),
    });
    await readLinkedPolicy(TERMS, PAGE, deps);
    expect(calls).toContain('analyze Café');
  });

  it('reads a plain-http link from an https page over https, and asks the grant for that origin', async () => {
    const asked: string[] = [];
    const { deps, calls } = makeDeps({ isGranted: async (o) => (asked.push(o), true) });
    await readLinkedPolicy({ ...TERMS, url: 'http://shop.example/terms' }, PAGE, deps);
    expect(asked).toEqual(['https://shop.example']);
    expect(calls[0]).toBe('fetch https://shop.example/terms');
  });

  it('does not fetch without the user’s grant of the exact origin', async () => {
    const asked: string[] = [];
    const { deps, calls } = makeDeps({ isGranted: async (o) => (asked.push(o), false) });
    expect(
      (await readLinkedPolicy({ ...TERMS, url: 'https://shop.example:8443/terms' }, PAGE, deps)).status,
    ).toBe('needs-permission');
    expect(asked).toEqual(['https://shop.example:8443']);
    expect(calls).toEqual([]);
  });

  it('reports fetch failures, unparsable pages and unsupported pages', async () => {
    const failing = makeDeps({
      fetch: async (url) => ({ ok: false, url, reason: 'http', detail: 'HTTP 500' }),
    });
    expect(await readLinkedPolicy(TERMS, PAGE, failing.deps)).toMatchObject({
      status: 'failed',
      error: 'HTTP 500',
    });
    const throwing = makeDeps({ analyze: async () => Promise.reject(new Error('binary data')) });
    expect(await readLinkedPolicy(TERMS, PAGE, throwing.deps)).toMatchObject({
      status: 'failed',
      error: 'binary data',
    });
    const unsupported = makeDeps({
      analyze: async () => ({
        ...analysis,
        clauses: [],
        unsupported: { reason: 'language', message: 'Not English.' },
      }),
    });
    expect(await readLinkedPolicy(TERMS, PAGE, unsupported.deps)).toMatchObject({
      status: 'failed',
      error: 'Not English.',
    });
  });

  it('still shows the summary when storing fails', async () => {
    const { deps } = makeDeps({ record: async () => Promise.reject(new Error('quota')) });
    expect(await readLinkedPolicy(TERMS, PAGE, deps)).toMatchObject({
      status: 'done',
      error: 'not saved to history: quota',
    });
  });
});

describe('checkout state', () => {
  const found = (policyLinks: PolicyLink[]) => ({
    url: PAGE,
    flavour: 'checkout' as const,
    signals: [],
    policyLinks,
  });

  it('stores a found form without looking anything up (the page’s reply cannot depend on history)', () => {
    expect(foundCheckoutState(found([TERMS, PRIVACY])).policies.map((p) => p.status)).toEqual([
      'not-read',
      'not-read',
    ]);
  });

  it('shows Fineprint’s pages links unread, needing permission, or from the history', async () => {
    const { deps } = makeDeps({
      isGranted: async (origin) => origin === 'https://shop.example',
      lookup: async (url) =>
        url === 'https://shop.example/cached' ? { title: 'C', clauses: [], seenAt: 1_000_000_000 } : null,
    });
    const cached: PolicyLink = { url: 'https://shop.example/cached', text: 'Cached', kind: 'terms' };
    const other: PolicyLink = { url: 'https://www.klarna.com/terms', text: 'Klarna', kind: 'payment' };
    const view = await checkoutView(foundCheckoutState(found([TERMS, other, cached])), deps);
    expect(view.policies.map((p) => p.status)).toEqual(['not-read', 'needs-permission', 'done']);
    expect(view.policies[2]).toMatchObject({ fromCache: true, title: 'C' });
  });

  it('reads only the given links and keeps the others as they were', async () => {
    const { deps, calls } = makeDeps();
    const state = foundCheckoutState(found([TERMS, PRIVACY]));
    const next = mergeResults(state, await readLinks(state, [PRIVACY], deps));
    expect(next.policies.map((p) => p.status)).toEqual(['not-read', 'done']);
    expect(calls).toEqual([`fetch ${PRIVACY.url}`, 'analyze <', `record ${PRIVACY.url}`]);
  });
});
