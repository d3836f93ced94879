/**
 * The policies a checkout / sign-up form links to, and what Fineprint found in each once read: the verdict in
 * words (lib/checkout/verdict-text.ts) — the same sentences in the toolbar popup (short: findings and
 * reassurances) and the report page (full: with the clauses that say so, and every flagged clause). Reading
 * is always a user action ("Read the terms"), because it fetches pages and may need a host permission; each
 * link shows the domain it lives on, plainly, so the user knows which site they allow.
 */
import { useEffect, useRef } from 'preact/hooks';
import { fetchTargetOf } from '@/lib/fetch/origins';
import type { Translate, MessageKey } from '@/lib/i18n';
import type { CheckoutState, LinkedPolicy } from '@/lib/checkout/linked-policies';
import { verdictText, type VerdictLine } from '@/lib/checkout/verdict-text';
import { ClauseGroups } from './ClauseGroups';

export interface CheckoutViewProps {
  t: Translate;
  state: CheckoutState;
  busy?: boolean;
  /** A message to show after a read attempt (permission denied, …). */
  note?: string | null;
  onRead?: (urls: string[]) => void;
  /** The report page (a full tab): quotes and every flagged clause; the toolbar popup shows the verdict only. */
  full?: boolean;
  /** "Back to the checkout": shown in the report page once something was read. */
  onBack?: () => void;
  locale?: string;
}

const KIND_KEY: Record<LinkedPolicy['kind'], MessageKey> = {
  terms: 'popup_link_kind_terms',
  'privacy-policy': 'popup_link_kind_privacy_policy',
  payment: 'popup_link_kind_payment',
};

/** What the permission prompt names: scheme, host and port of the address Fineprint would fetch. */
function hostOf(p: LinkedPolicy, pageUrl: string): string {
  try {
    const target = new URL(fetchTargetOf(p.url, pageUrl));
    return target.protocol === 'https:' ? target.host : `${target.protocol}//${target.host}`;
  } catch {
    return p.url;
  }
}

/** Where the policy lives, in words: this page, this site, or another site named plainly. */
function placeLine(t: Translate, p: LinkedPolicy, pageUrl: string): string {
  if (p.opens === 'dialog') return t('popup_checkout_on_page');
  const host = hostOf(p, pageUrl);
  return p.otherSite ? t('popup_checkout_other_site', [host]) : t('popup_checkout_site', [host]);
}

export function CheckoutView({ t, state, busy, note, onRead, full, onBack, locale }: CheckoutViewProps) {
  if (state.policies.length === 0) return <p class="empty">{t('popup_checkout_none')}</p>;
  // Links Fineprint can read; a policy the page shows itself is read when the page shows it.
  const unread = state.policies.filter((p) => p.status !== 'done' && p.opens !== 'dialog');
  const hosts = [
    ...new Set(
      state.policies.filter((p) => p.status === 'needs-permission').map((p) => hostOf(p, state.url)),
    ),
  ];
  const anyDone = state.policies.some((p) => p.status === 'done');
  // The report page is one keyboard press from the answer: focus starts on "Read the terms", and moves to
  // "Back to the checkout" once something was read.
  const readRef = useRef<HTMLButtonElement>(null);
  const backRef = useRef<HTMLButtonElement>(null);
  const showBack = Boolean(full && anyDone && onBack);
  const showRead = unread.length > 0 && Boolean(onRead);
  useEffect(() => {
    if (full && showRead && !busy) readRef.current?.focus();
  }, [full, showRead]);
  useEffect(() => {
    if (showBack && !busy) backRef.current?.focus();
  }, [showBack, busy]);
  return (
    <div class={full ? 'checkout checkout-full' : 'checkout'}>
      {showRead && onRead && (
        <div class="read-row">
          {hosts.length > 0 && (
            <p class="note" data-needs-permission>
              {t('popup_checkout_permission', [hosts.join(', ')])}
            </p>
          )}
          <button
            ref={readRef}
            type="button"
            class="primary"
            disabled={busy}
            onClick={() => onRead(unread.map((p) => p.url))}
          >
            {busy ? t('popup_checkout_reading') : t('popup_checkout_read')}
          </button>
        </div>
      )}
      {note && (
        <p class="note" role="status">
          {note}
        </p>
      )}
      <ul class="linked">
        {state.policies.map((p, i) => (
          <li key={p.url} data-linked-policy={p.url} data-status={p.status}>
            <h3>
              <span class="kind">{t(KIND_KEY[p.kind])}</span> {p.title || p.text || p.url}
            </h3>
            <p class="url" data-site={p.opens === 'dialog' ? '' : hostOf(p, state.url)}>
              {placeLine(t, p, state.url)}
            </p>
            {p.status === 'in-page' && <p class="note">{t('popup_checkout_in_page')}</p>}
            {p.status === 'failed' && <p class="warn">{t('popup_checkout_failed', [p.error ?? '—'])}</p>}
            {p.status === 'done' && (
              <>
                {p.fromCache && <p class="note">{t('popup_checkout_cached')}</p>}
                {p.fromDialog && <p class="note">{t('popup_checkout_from_dialog')}</p>}
                {p.change && <p class="note">{t('popup_checkout_changed', [p.change])}</p>}
                {p.verdict && <VerdictBlock t={t} policy={p} index={i} full={full} locale={locale} />}
                {full && p.clauses && p.clauses.length > 0 && (
                  <details class="all-clauses">
                    <summary>{t('popup_checkout_all_clauses', [p.clauses.length])}</summary>
                    <ClauseGroups
                      t={t}
                      clauses={p.clauses}
                      idPrefix={`linked${i}`}
                      headingLevel={4}
                      locale={locale}
                    />
                  </details>
                )}
              </>
            )}
          </li>
        ))}
      </ul>
      {showBack && (
        <button ref={backRef} type="button" class="primary" data-back-to-checkout onClick={onBack}>
          {t('popup_checkout_back')}
        </button>
      )}
    </div>
  );
}

function VerdictBlock({
  t,
  policy,
  index,
  full,
  locale,
}: {
  t: Translate;
  policy: LinkedPolicy;
  index: number;
  full?: boolean;
  locale?: string;
}) {
  const text = verdictText(policy.verdict!, t, locale);
  const id = `verdict${index}`;
  return (
    <div class="verdict-words" data-checkout-verdict>
      {text.nothing && <p class="empty">{text.nothing}</p>}
      {text.findings.length > 0 && (
        <>
          <h4 id={`${id}-f`}>{t('verdict_heading_findings')}</h4>
          <ul aria-labelledby={`${id}-f`} class="verdict-lines">
            {text.findings.map((line) => (
              <Line key={line.id} line={line} full={full} t={t} kind="finding" />
            ))}
          </ul>
        </>
      )}
      {text.reassurances.length > 0 && (
        <>
          <h4 id={`${id}-r`}>{t('verdict_heading_reassurances')}</h4>
          <ul aria-labelledby={`${id}-r`} class="verdict-lines">
            {text.reassurances.map((line) => (
              <Line key={line.id} line={line} full={full} t={t} kind="reassurance" />
            ))}
          </ul>
        </>
      )}
      {text.others && (
        <p class="note" data-verdict-others>
          {text.others}
        </p>
      )}
    </div>
  );
}

function Line({
  t,
  line,
  full,
  kind,
}: {
  t: Translate;
  line: VerdictLine;
  full?: boolean;
  kind: 'finding' | 'reassurance';
}) {
  return (
    <li class={kind === 'reassurance' ? 'reassurance' : 'finding'} data-verdict-line={line.id}>
      {line.slot && <strong class="slot">{line.slot}: </strong>}
      {line.text}
      {full && line.quotes.length > 0 && (
        <details class="evidence">
          <summary>{t('verdict_quote_label')}</summary>
          {line.quotes.map((q) => (
            <blockquote key={q.clauseId} class="clause-text">
              {q.text}
            </blockquote>
          ))}
        </details>
      )}
    </li>
  );
}
