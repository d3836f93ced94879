/**
 * The popup's whole UI as a pure function of its data, so tests can render it from state objects. The
 * popup entrypoint loads the data through messages and passes callbacks.
 */
import type { ComponentChildren } from 'preact';
import { useRef, useState } from 'preact/hooks';
import type { CategoryId } from '@/lib/classify/taxonomy';
import { unsupportedLanguageText, type MessageKey, type Translate } from '@/lib/i18n';
import type { CheckoutState } from '@/lib/checkout/linked-policies';
import type { ComparisonState } from '@/lib/compare';
import type { TabState } from '@/lib/page-report';
import type { PageKind } from '@/lib/types';
import { ChangeList } from './ChangeList';
import { CheckoutView } from './CheckoutView';
import { ClauseGroups } from './ClauseGroups';
import { CompareView } from './CompareView';

export interface PopupData {
  /** null while loading. */
  tab: TabState | null;
  /** A failure to load the tab state at all. */
  error?: string | null;
  comparison?: ComparisonState | null;
  checkout?: CheckoutState | null;
  shownCategories?: readonly CategoryId[];
  highlightsOn?: boolean;
  highlightsError?: boolean;
  missingClauses?: ReadonlySet<string>;
  checkoutBusy?: boolean;
  checkoutNote?: string | null;
}

export interface PopupViewProps {
  t: Translate;
  data: PopupData;
  onReveal?: (clauseId: string) => void;
  onToggleHighlights?: (on: boolean) => void;
  onReadTerms?: (urls: string[]) => void;
  /** The report page (a tab of its own, opened from a checkout's badge): "Back to the checkout". */
  onBackToCheckout?: () => void;
  /** Laid out for a full tab (the report page) rather than the toolbar popup. */
  full?: boolean;
  onSelectView?: (view: PopupViewName) => void;
  optionsUrl?: string;
  historyUrl?: string;
  locale?: string;
}

export type PopupViewName = 'clauses' | 'changes' | 'compare' | 'checkout';

const KIND_KEY: Record<PageKind, MessageKey> = {
  'privacy-policy': 'kind_privacy_policy',
  terms: 'kind_terms',
  checkout: 'kind_checkout',
  other: 'kind_other',
};

const TAB_KEY: Record<PopupViewName, MessageKey> = {
  clauses: 'popup_tab_clauses',
  changes: 'popup_tab_changes',
  compare: 'popup_tab_compare',
  checkout: 'popup_tab_checkout',
};

/** One view of the popup, under a heading that only screen readers announce (the tabs name it visually). */
function Panel({ heading, children }: { heading: string; children: ComponentChildren }) {
  return (
    <>
      <h2 class="visually-hidden">{heading}</h2>
      {children}
    </>
  );
}

export function PopupView(props: PopupViewProps) {
  const { t, data } = props;
  const report = data.tab?.report ?? null;
  const hasCheckout = Boolean(data.checkout);
  const isPolicy = Boolean(
    report && (report.page.kind === 'privacy-policy' || report.page.kind === 'terms') && !report.unsupported,
  );
  const views: PopupViewName[] = [
    ...(isPolicy ? (['clauses', 'changes', 'compare'] as const) : []),
    ...(hasCheckout ? (['checkout'] as const) : []),
  ];
  const [view, setView] = useState<PopupViewName | null>(null);
  const current = view && views.includes(view) ? view : (views[0] ?? null);
  const tabRefs = useRef<Partial<Record<PopupViewName, HTMLButtonElement | null>>>({});
  const select = (v: PopupViewName, focus = false) => {
    setView(v);
    props.onSelectView?.(v);
    if (focus) tabRefs.current[v]?.focus();
  };
  const onTabKey = (e: KeyboardEvent) => {
    if (!current) return;
    const i = views.indexOf(current);
    const next =
      e.key === 'ArrowRight'
        ? views[(i + 1) % views.length]
        : e.key === 'ArrowLeft'
          ? views[(i - 1 + views.length) % views.length]
          : e.key === 'Home'
            ? views[0]
            : e.key === 'End'
              ? views.at(-1)
              : undefined;
    if (next) {
      e.preventDefault();
      select(next, true);
    }
  };

  const loading = !data.tab && !data.error;
  const kind: PageKind = report?.page.kind ?? (hasCheckout ? 'checkout' : 'other');
  return (
    <main data-ready={loading ? 'false' : 'true'} aria-busy={loading} class={props.full ? 'full' : undefined}>
      <header class="top">
        <h1>{t('extName')}</h1>
        {!loading && (
          <p class="kind" data-page-kind={kind}>
            {t(KIND_KEY[kind])}
          </p>
        )}
      </header>
      {loading && <p role="status">{t('popup_loading')}</p>}
      {data.error && (
        <p class="error" role="alert">
          {t('popup_error', [data.error])}
        </p>
      )}
      {data.tab?.storageError && (
        <p class="error" role="alert" data-storage-error>
          {t('popup_storage_error', [data.tab.storageError])}
        </p>
      )}
      {!loading && !data.error && <Status t={t} data={data} locale={props.locale} />}
      {report && isPolicy && (
        <div class="toolbar">
          <label class="switch">
            <input
              type="checkbox"
              checked={data.highlightsOn ?? true}
              onChange={(e) => props.onToggleHighlights?.((e.target as HTMLInputElement).checked)}
            />
            {t('popup_highlights')}
          </label>
          {data.highlightsError && (
            <p class="note" role="status">
              {t('popup_highlights_failed')}
            </p>
          )}
        </div>
      )}
      {current && (
        <>
          <div role="tablist" aria-label={t('popup_tabs_label')} class="tabs" onKeyDown={onTabKey}>
            {views.map((v) => (
              <button
                key={v}
                type="button"
                role="tab"
                id={`tab-${v}`}
                aria-selected={v === current}
                aria-controls={`panel-${v}`}
                tabIndex={v === current ? 0 : -1}
                ref={(el) => {
                  tabRefs.current[v] = el;
                }}
                onClick={() => select(v)}
              >
                {t(TAB_KEY[v])}
              </button>
            ))}
          </div>
          <section
            role="tabpanel"
            id={`panel-${current}`}
            aria-labelledby={`tab-${current}`}
            data-view={current}
          >
            {current === 'clauses' && report && (
              <Panel heading={t('popup_clauses_heading')}>
                <ClauseGroups
                  t={t}
                  clauses={report.clauses}
                  shown={data.shownCategories}
                  onReveal={props.onReveal}
                  missing={data.missingClauses}
                  locale={props.locale}
                />
              </Panel>
            )}
            {current === 'changes' && (
              <Panel heading={t('popup_tab_changes')}>
                <ChangeList
                  t={t}
                  change={data.tab?.change ?? null}
                  locale={props.locale}
                  historyUrl={props.historyUrl}
                />
              </Panel>
            )}
            {current === 'compare' && (
              <Panel heading={t('popup_compare_heading')}>
                <CompareView t={t} state={data.comparison ?? null} locale={props.locale} />
              </Panel>
            )}
            {current === 'checkout' && data.checkout && (
              <Panel heading={t('popup_checkout_heading')}>
                <CheckoutView
                  t={t}
                  state={data.checkout}
                  busy={data.checkoutBusy}
                  note={data.checkoutNote}
                  onRead={props.onReadTerms}
                  full={props.full}
                  onBack={props.onBackToCheckout}
                  locale={props.locale}
                />
              </Panel>
            )}
          </section>
        </>
      )}
      <nav class="links" aria-label={t('extName')}>
        {props.optionsUrl && (
          <a href={props.optionsUrl} target="_blank" rel="noopener">
            {t('popup_open_options')}
          </a>
        )}
        {props.historyUrl && (
          <a href={props.historyUrl} target="_blank" rel="noopener">
            {t('popup_open_history')}
          </a>
        )}
      </nav>
    </main>
  );
}

/** The one-line verdict under the header: unsupported page, not a policy, or nothing yet. */
function Status({ t, data, locale }: { t: Translate; data: PopupData; locale?: string }) {
  const report = data.tab?.report ?? null;
  if (!report) {
    if (data.checkout) return null;
    return (
      <p class="verdict" data-verdict="no-report">
        {t('popup_no_report')}
      </p>
    );
  }
  const u = report.unsupported;
  if (!u) {
    if (report.page.kind === 'other' && !data.checkout)
      return (
        <p class="verdict" data-verdict="not-a-policy">
          {t('popup_not_policy')}
        </p>
      );
    return null;
  }
  const message =
    u.reason === 'language'
      ? unsupportedLanguageText(t, report.page.language, locale ?? 'en')
      : u.reason === 'not-a-policy'
        ? t('popup_not_policy')
        : u.reason === 'empty'
          ? t('popup_unsupported_empty')
          : u.reason === 'too-large'
            ? t('popup_unsupported_too_large')
            : t('popup_unsupported_unreadable');
  if (u.reason === 'not-a-policy' && data.checkout) return null;
  return (
    <p class="verdict" data-verdict={u.reason}>
      {message}
    </p>
  );
}
