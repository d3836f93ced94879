// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PopupView, type PopupData } from '@/components/PopupView';
import { groupByCategory } from '@/components/ClauseGroups';
import { createTranslator, getMessageFromCatalogue } from '@/lib/i18n';
import type { CategoryId, Stance } from '@/lib/classify/taxonomy';
import type { AnalysedClause } from '@/lib/types';
import type { CheckoutState } from '@/lib/checkout/linked-policies';
import type { PageReport, TabState } from '@/lib/page-report';

const en = JSON.parse(readFileSync(resolve(__dirname, '../../public/_locales/en/messages.json'), 'utf8'));
const t = createTranslator(getMessageFromCatalogue(en));

// Hand-written clauses (not corpus text).
function clause(
  id: string,
  text: string,
  labels: [CategoryId, Stance][],
  choice: string | null = null,
): AnalysedClause {
  return {
    id,
    text,
    section: 'Your data',
    headingPath: ['Your data'],
    block: 0,
    unit: 'sentence',
    labels: labels.map(([category, stance]) => ({
      category,
      stance,
      confidence: 0.82,
      evidence: {
        phrase: stance === 'denies' ? 'do not sell' : 'train our models',
        rule: 'r1',
        features: ['train', 'models'],
      },
    })),
    explanation: `Explanation for ${id}`,
    slots: { data: [], purposes: [], safeguards: [], choice, scope: [], default: null },
  };
}

const report = (clauses: AnalysedClause[], extra: Partial<PageReport> = {}): PageReport => ({
  url: 'https://a.example/privacy',
  page: { kind: 'privacy-policy', confidence: 0.9, language: 'en', title: 'Privacy' },
  clauses,
  ...extra,
});
const tab = (r: PageReport | null, extra: Partial<TabState> = {}): TabState => ({
  tabId: 7,
  report: r,
  change: null,
  ...extra,
});

const CLAUSES = [
  clause(
    'c1',
    'We may use your posts to train our models.',
    [['ai-training', 'permits']],
    'Settings › Privacy',
  ),
  clause('c2', 'We do not sell your personal information.', [['data-sale', 'denies']]),
  clause('c3', 'We keep logs for 90 days.', [['data-retention', 'permits']]),
  clause('c4', 'Unlabelled clause.', []),
];

let root: HTMLElement;
beforeEach(() => {
  root = document.createElement('div');
  document.body.append(root);
});
afterEach(() => {
  render(null, root);
  root.remove();
});
const show = (data: PopupData, props: Partial<Parameters<typeof PopupView>[0]> = {}) =>
  act(() => render(<PopupView t={t} data={data} {...props} />, root));
const $ = (s: string) => root.querySelector(s);
const $$ = (s: string) => Array.from(root.querySelectorAll(s));

describe('PopupView', () => {
  it('is not ready while loading', () => {
    show({ tab: null });
    expect($('main')?.getAttribute('data-ready')).toBe('false');
    expect(root.textContent).toContain('Loading…');
  });

  it('groups labelled clauses by category, heaviest first, with stance words and evidence', () => {
    show({ tab: tab(report(CLAUSES)) });
    expect($('main')?.getAttribute('data-ready')).toBe('true');
    expect($('[data-page-kind]')?.getAttribute('data-page-kind')).toBe('privacy-policy');
    expect($$('[data-category]').map((e) => e.getAttribute('data-category'))).toEqual([
      'ai-training',
      'data-sale',
      'data-retention',
    ]);
    expect($('[data-clause-id="c4"]')).toBeNull();
    // The first group is open; the others are collapsed but present.
    const first = $('[data-category="ai-training"] button[aria-expanded]')!;
    expect(first.getAttribute('aria-expanded')).toBe('true');
    const ai = $('[data-category="ai-training"] [data-clause-id="c1"]')!;
    expect(ai.textContent).toContain('They may do this');
    // The stated choice is part of the label's sentence, written in the UI language.
    expect(ai.textContent).toContain(
      'This says your content or data may be used to train AI models. You can Settings › Privacy.',
    );
    expect(ai.textContent).toContain('Matched wording: “train our models”');
    expect(ai.textContent).toContain('Confidence: 82%');
    expect(ai.textContent).not.toContain('Reassuring');
  });

  it('shows a denial as reassurance', () => {
    show({ tab: tab(report(CLAUSES)) });
    const sale = $('[data-category="data-sale"]')!;
    const toggle = sale.querySelector('button[aria-expanded]')!;
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect(sale.querySelector('[hidden]')).not.toBeNull();
    act(() => (toggle as HTMLButtonElement).click());
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    expect(sale.querySelector('[data-clause-id="c2"]')?.textContent).toContain(
      'Reassuring: the policy says they do not do this.',
    );
  });

  it('sends reveal for a clicked clause and for its button', () => {
    const onReveal = vi.fn();
    show({ tab: tab(report(CLAUSES)) }, { onReveal });
    act(() => ($('[data-clause-id="c1"] .clause-text') as HTMLElement).click());
    act(() => ($('[data-clause-id="c1"] button.reveal') as HTMLButtonElement).click());
    expect(onReveal.mock.calls).toEqual([['c1'], ['c1']]);
  });

  it('reports a clause the page could not find', () => {
    show({ tab: tab(report(CLAUSES)), missingClauses: new Set(['c1']) });
    expect($('[data-clause-id="c1"]')?.textContent).toContain('could not be found on the page');
  });

  it('respects the categories the user chose to show', () => {
    show({ tab: tab(report(CLAUSES)), shownCategories: ['data-retention'] });
    expect($$('[data-category]').map((e) => e.getAttribute('data-category'))).toEqual(['data-retention']);
  });

  it('says clearly when the page is not a policy', () => {
    show({
      tab: tab(
        report([], {
          page: { kind: 'other', confidence: 0.9, language: 'en', title: 'News' },
          unsupported: { reason: 'not-a-policy', message: 'x' },
        }),
      ),
    });
    expect($('[data-page-kind]')?.getAttribute('data-page-kind')).toBe('other');
    expect($('[data-verdict="not-a-policy"]')?.textContent).toContain('not a privacy policy');
    expect($('[role="tablist"]')).toBeNull();
  });

  it('says clearly when the language is unsupported', () => {
    show({
      tab: tab(
        report([], {
          page: { kind: 'privacy-policy', confidence: 0.9, language: 'de', title: 'Datenschutz' },
          unsupported: { reason: 'language', message: 'x' },
        }),
      ),
    });
    // Its language by name, and that Fineprint reads English policies for now: never a silent empty list.
    expect($('[data-verdict="language"]')?.textContent).toBe(
      'This policy is in German. Fineprint reads English policies for now, so nothing on this page is marked.',
    );
  });

  it('explains a page it never saw', () => {
    show({ tab: tab(null) });
    expect($('[data-verdict="no-report"]')).not.toBeNull();
  });

  it('shows storage errors from the tab state', () => {
    show({ tab: tab(report(CLAUSES), { storageError: 'quota exceeded' }) });
    expect($('[data-storage-error]')?.textContent).toContain('quota exceeded');
    expect($('[data-storage-error]')?.getAttribute('role')).toBe('alert');
  });

  it('toggles highlights', () => {
    const onToggleHighlights = vi.fn();
    show({ tab: tab(report(CLAUSES)), highlightsOn: true }, { onToggleHighlights });
    const box = $('.toolbar input[type="checkbox"]') as HTMLInputElement;
    act(() => box.click());
    expect(onToggleHighlights).toHaveBeenCalledWith(false);
  });

  it('switches views with the keyboard (tabs pattern) and shows the comparison', () => {
    show({
      tab: tab(report(CLAUSES)),
      comparison: {
        comparison: {
          tracked: 23,
          categories: [
            {
              category: 'ai-training',
              current: { permits: true, deniesOnly: false, hasChoice: false },
              othersPermitting: 4,
              othersPermittingWithChoice: 3,
              othersDenying: 1,
            },
          ],
        },
      },
    });
    const tabs = $$('[role="tab"]');
    expect(tabs.map((b) => b.textContent)).toEqual(['What it says', 'What changed', 'How others compare']);
    act(() => {
      tabs[0]!.dispatchEvent(new KeyboardEvent('keydown', { key: 'End', bubbles: true }));
    });
    expect($('[role="tab"][aria-selected="true"]')?.textContent).toBe('How others compare');
    const line = $('[data-compare-category="ai-training"]')!.textContent!;
    expect(line).toContain(
      '4 of your 23 tracked policies do this; 3 of them offer a choice; 1 says it does not.',
    );
    expect(line).toContain('This one does with no opt-out stated.');
  });

  it('caps a long change list and shows every listed clause on "Show all"', () => {
    const added = Array.from({ length: 8 }, (_, i) =>
      clause(`a${i}`, `We may train AI on your photos, case ${i}.`, [['ai-training', 'permits']]),
    );
    show({
      tab: tab(report(CLAUSES), {
        change: {
          documentUrl: 'https://a.example/privacy',
          title: 'Privacy',
          previousSeenAt: Date.UTC(2026, 4, 3),
          headline: '',
          diff: {
            changed: true,
            added,
            removed: [],
            modified: [],
            categories: { 'ai-training': { added: 8, removed: 0 } },
          },
        },
      }),
    });
    act(() => ($$('[role="tab"]')[1] as HTMLButtonElement).click());
    expect($$('[data-section="added"] [data-clause-id]')).toHaveLength(3);
    const button = $('[data-section="added"] .dv-show-all') as HTMLButtonElement;
    expect(button.textContent).toBe('Show all 8');
    act(() => button.click());
    expect($$('[data-section="added"] [data-clause-id]')).toHaveLength(8);
    expect($('.dv-show-all')).toBeNull();
  });

  it('shows the change summary', () => {
    const added = clause('n1', 'We may train AI on your photos.', [['ai-training', 'permits']]);
    show({
      tab: tab(report(CLAUSES), {
        change: {
          documentUrl: 'https://a.example/privacy',
          title: 'Privacy',
          previousSeenAt: Date.UTC(2026, 4, 3),
          headline: 'AI-training clause added since 3 May',
          diff: {
            changed: true,
            added: [added],
            removed: [],
            modified: [],
            categories: { 'ai-training': { added: 1, removed: 0 } },
          },
        },
      }),
    });
    act(() => ($$('[role="tab"]')[1] as HTMLButtonElement).click());
    expect($('[data-view="changes"]')?.textContent).toContain(
      'Privacy: AI-training clause added since May 3, 2026',
    );
    expect($('[data-section="added"] [data-clause-id="n1"]')?.textContent).toContain(
      'We may train AI on your photos.',
    );
    expect($('[data-view="changes"] .dv-summary')?.textContent).toContain('AI training: 1 added');
  });

  it('shows linked terms on a checkout page and asks to read them', () => {
    const checkout: CheckoutState = {
      url: 'https://shop.example/checkout',
      flavour: 'checkout',
      signals: ['payment fields'],
      policies: [
        {
          url: 'https://shop.example/terms',
          text: 'Terms of Sale',
          kind: 'terms',
          status: 'needs-permission',
        },
        {
          url: 'https://shop.example/privacy',
          text: 'Privacy Policy',
          kind: 'privacy-policy',
          status: 'done',
          title: 'Shop privacy',
          verdict: {
            findings: [{ topic: 'ai-training', facts: {}, quotes: [] }],
            reassurances: [{ category: 'data-sale', quotes: [] }],
            others: [],
            evidenceClauses: 2,
          },
          clauses: [CLAUSES[0]!],
        },
        {
          url: 'https://www.klarna.com/terms',
          text: 'Klarna',
          kind: 'payment',
          status: 'failed',
          error: 'HTTP 404',
        },
      ],
    };
    const onReadTerms = vi.fn();
    show(
      {
        tab: tab(
          report([], {
            page: { kind: 'checkout', confidence: 0.8, language: 'en', title: 'Checkout' },
            unsupported: { reason: 'not-a-policy', message: '' },
          }),
        ),
        checkout,
      },
      { onReadTerms },
    );
    expect($('[data-page-kind]')?.getAttribute('data-page-kind')).toBe('checkout');
    expect($('[data-verdict]')).toBeNull();
    expect($('[data-view="checkout"]')).not.toBeNull();
    // The toolbar popup: the verdict in words, without the clause list.
    const privacy = '[data-linked-policy="https://shop.example/privacy"]';
    expect($$(`${privacy} [data-verdict-line]`).map((e) => e.getAttribute('data-verdict-line'))).toEqual([
      'ai-training',
      'data-sale',
    ]);
    expect($(`${privacy} [data-verdict-line="data-sale"]`)?.textContent).toContain('will not sell or rent');
    expect($(`${privacy} [data-clause-id="c1"]`)).toBeNull();
    expect($('[data-linked-policy="https://www.klarna.com/terms"]')?.textContent).toContain('HTTP 404');
    expect($('[data-linked-policy="https://www.klarna.com/terms"] [data-site]')?.textContent).toBe(
      'On www.klarna.com',
    );
    expect($('[data-needs-permission]')?.textContent).toContain('read pages on shop.example.');
    act(() => ($('.checkout button.primary') as HTMLButtonElement).click());
    expect(onReadTerms).toHaveBeenCalledWith(['https://shop.example/terms', 'https://www.klarna.com/terms']);
    expect($('[data-back-to-checkout]')).toBeNull();
  });

  it('lays out the report page in full: every flagged clause, another site named, back to the checkout', () => {
    const onBackToCheckout = vi.fn();
    const checkout: CheckoutState = {
      url: 'https://shop.example/checkout',
      flavour: 'sign-up',
      signals: [],
      policies: [
        {
          url: 'https://legal.example-corp.com/terms',
          text: 'Terms',
          kind: 'terms',
          site: 'example-corp.com',
          otherSite: true,
          status: 'done',
          verdict: { findings: [], reassurances: [], others: [], evidenceClauses: 1 },
          clauses: [CLAUSES[0]!],
        },
      ],
    };
    const page = report([], {
      page: { kind: 'checkout', confidence: 0.8, language: 'en', title: 'Sign up' },
      unsupported: { reason: 'not-a-policy', message: '' },
    });
    show({ tab: tab(page), checkout }, { full: true, onBackToCheckout });
    const entry = '[data-linked-policy="https://legal.example-corp.com/terms"]';
    expect($(`${entry} [data-site]`)?.textContent).toBe(
      'On legal.example-corp.com — another site than the checkout',
    );
    expect($(`${entry} [data-clause-id="c1"]`)).not.toBeNull();
    act(() => ($('[data-back-to-checkout]') as HTMLButtonElement).click());
    expect(onBackToCheckout).toHaveBeenCalledOnce();
  });
});

describe('groupByCategory', () => {
  it('puts a two-label clause in both groups once each', () => {
    const both = clause('b', 'x', [
      ['ai-training', 'permits'],
      ['user-choice', 'permits'],
      ['ai-training', 'unclear'],
    ]);
    const groups = groupByCategory([both]);
    expect(groups.map((g) => [g.category, g.items.length])).toEqual([
      ['ai-training', 1],
      ['user-choice', 1],
    ]);
  });
});
