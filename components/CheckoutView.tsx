/**
 * The policies a checkout / sign-up form links to, and what Fineprint found in each once read. Reading is
 * always a user action ("Read the terms"), because it fetches pages and may need a host permission.
 */
import { categoryNameKey, type Translate } from '@/lib/i18n';
import type { CheckoutState, LinkedPolicy } from '@/lib/messages';
import type { MessageKey } from '@/lib/i18n';
import { TAXONOMY, type CategoryId } from '@/lib/classify/taxonomy';
import { fetchTargetOf } from '@/lib/fetch/origins';
import { ClauseGroups } from './ClauseGroups';

export interface CheckoutViewProps {
  t: Translate;
  state: CheckoutState;
  busy?: boolean;
  /** A message to show after a read attempt (permission denied, …). */
  note?: string | null;
  onRead?: (urls: string[]) => void;
}

const KIND_KEY: Record<LinkedPolicy['kind'], MessageKey> = {
  terms: 'popup_link_kind_terms',
  'privacy-policy': 'popup_link_kind_privacy_policy',
  payment: 'popup_link_kind_payment',
};

export function CheckoutView({ t, state, busy, note, onRead }: CheckoutViewProps) {
  if (state.policies.length === 0) return <p class="empty">{t('popup_checkout_none')}</p>;
  const unread = state.policies.filter((p) => p.status !== 'done');
  // Exactly what will be asked for and read: scheme, host and port of each address Fineprint would fetch.
  const hosts = [
    ...new Set(
      state.policies
        .filter((p) => p.status === 'needs-permission')
        .map((p) => {
          try {
            const target = new URL(fetchTargetOf(p.url, state.url));
            return target.protocol === 'https:' ? target.host : `${target.protocol}//${target.host}`;
          } catch {
            return p.url;
          }
        }),
    ),
  ];
  return (
    <div class="checkout">
      <ul class="linked">
        {state.policies.map((p, i) => (
          <li key={p.url} data-linked-policy={p.url} data-status={p.status}>
            <h3>
              <span class="kind">{t(KIND_KEY[p.kind])}</span> {p.title || p.text || p.url}
            </h3>
            <p class="url">{p.url}</p>
            {p.status === 'failed' && <p class="warn">{t('popup_checkout_failed', [p.error ?? '—'])}</p>}
            {p.status === 'done' && (
              <>
                {p.fromCache && <p class="note">{t('popup_checkout_cached')}</p>}
                <CountsLine t={t} counts={p.counts ?? {}} />
                {p.clauses && p.clauses.length > 0 ? (
                  <ClauseGroups t={t} clauses={p.clauses} idPrefix={`linked${i}`} headingLevel={4} />
                ) : (
                  <p class="empty">{t('popup_checkout_nothing_flagged')}</p>
                )}
              </>
            )}
          </li>
        ))}
      </ul>
      {hosts.length > 0 && (
        <p class="note" data-needs-permission>
          {t('popup_checkout_permission', [hosts.join(', ')])}
        </p>
      )}
      {unread.length > 0 && onRead && (
        <button
          type="button"
          class="primary"
          disabled={busy}
          onClick={() => onRead(unread.map((p) => p.url))}
        >
          {busy ? t('popup_checkout_reading') : t('popup_checkout_read')}
        </button>
      )}
      {note && (
        <p class="note" role="status">
          {note}
        </p>
      )}
    </div>
  );
}

function CountsLine({ t, counts }: { t: Translate; counts: Partial<Record<CategoryId, number>> }) {
  const cats = (Object.keys(counts) as CategoryId[])
    .filter((c) => (counts[c] ?? 0) > 0)
    .sort((a, b) => TAXONOMY[b].weight - TAXONOMY[a].weight);
  if (cats.length === 0) return null;
  return (
    <ul class="counts">
      {cats.map((c) => (
        <li key={c} style={{ '--cat': TAXONOMY[c].colour }}>
          <span class="swatch" aria-hidden="true" />
          {t(categoryNameKey(c))}: {counts[c]}
        </li>
      ))}
    </ul>
  );
}
