/**
 * The history page: every tracked document with its latest change; per document a timeline of versions and a
 * clause-level diff between any two. Data only through background messages. The URL hash selects a document
 * (`policy-history.html#<encoded canonical URL>`; not `history.html`, which WXT would turn into an override of the browser's own history page), which is what a change notification opens.
 */
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { send } from '@/adapters/messaging';
import { t, uiLanguage } from '@/adapters/i18n';
import { loadSettings, readSettings, saveSettings } from '@/adapters/settings';
import type { DiffVersionsReply, VersionsReply } from '@/lib/history-view';
import type { DocumentSummary } from '@/lib/store/repository';
import { DamagedRow, DocList, fmt, Problems, useDocList } from './doc-list';
import { DiffView, diffViewLabels } from '@/components/DiffView';
import { RecordBoundary } from '@/components/RecordBoundary';
import { Timeline } from '@/components/Timeline';
import { originPatterns, originsOf } from '@/lib/fetch/origins';
import { documentName } from '@/lib/change-summary';
import { formatterFor } from '@/lib/format';
import { categoryNameKey, translatePlural } from '@/lib/i18n';

const DIFF_LABELS = diffViewLabels(t);
const categoryName = (id: Parameters<typeof categoryNameKey>[0]) => t(categoryNameKey(id));
const selectedFromHash = () => {
  try {
    return decodeURIComponent(location.hash.slice(1)) || null;
  } catch {
    return null;
  }
};

export function App() {
  const [origins, setOrigins] = useState<string[] | null>(null);
  const [selected, setSelected] = useState<string | null>(selectedFromHash());
  const [versions, setVersions] = useState<VersionsReply | null>(null);
  const [pair, setPair] = useState<{ from: number; to: number } | null>(null);
  const [diff, setDiff] = useState<DiffVersionsReply | null>(null);
  const [error, setError] = useState<string | null>(null);
  const { list, onRange, reload } = useDocList(setError);
  const loadList = async () => {
    setOrigins(null);
    await reload();
  };

  useEffect(() => {
    void loadList();
    const onHash = () => setSelected(selectedFromHash());
    addEventListener('hashchange', onHash);
    return () => removeEventListener('hashchange', onHash);
  }, []);

  // Re-check asks permission for every tracked site inside the click, so their origins are read beforehand
  // (from the store's keys alone), once the list is on screen.
  useEffect(() => {
    if (!list || list.total === 0 || origins) return;
    void send('ui→bg:get-history', { offset: 0, limit: 0, origins: true })
      .then((r) => setOrigins(r.origins ?? []))
      .catch(() => undefined);
  }, [list?.total, origins]);

  useEffect(() => {
    setVersions(null);
    setPair(null);
    setDiff(null);
    if (!selected) return;
    send('history→bg:get-versions', { url: selected })
      .then((v) => {
        setVersions(v);
        const n = v.versions.length;
        if (n >= 2) {
          // Default: what changed since the version the user saw last, else the two newest.
          const latest = v.versions[n - 1]!.id;
          const seen =
            v.seenVersionId !== null && v.seenVersionId !== latest ? v.seenVersionId : v.versions[n - 2]!.id;
          setPair({ from: seen, to: latest });
        }
      })
      .catch((e: unknown) => setError(String(e)));
  }, [selected]);

  useEffect(() => {
    setDiff(null);
    if (!selected || !pair) return;
    send('history→bg:diff-versions', { url: selected, ...pair })
      .then(setDiff)
      .catch((e: unknown) => setError(String(e)));
  }, [selected, pair?.from, pair?.to]);

  const [recheckOn, setRecheckOn] = useState<boolean | null>(null);
  useEffect(() => {
    void loadSettings().then((settings) => setRecheckOn(settings.recheck.enabled));
  }, []);

  // Re-check needs the user to grant the tracked sites (optional host permissions, nothing broad at install).
  // The request must run inside the click, before any other await, or the browser refuses it.
  const toggleRecheck = async () => {
    try {
      if (!recheckOn) {
        const urls = origins ?? [];
        const patterns = originPatterns(urls);
        const granted = patterns.length === 0 || (await browser.permissions.request({ origins: patterns }));
        if (!granted) {
          setError(t('options_recheck_denied'));
          return;
        }
        // The browser's permission covers a host on every port; Fineprint records the exact origins.
        if (urls.length > 0) await send('ui→bg:grant-origins', { origins: originsOf(urls) });
      }
      const settings = await readSettings();
      await saveSettings({ ...settings, recheck: { ...settings.recheck, enabled: !recheckOn } });
      setRecheckOn(!recheckOn);
    } catch (e) {
      setError(String(e));
    }
  };

  const open = (doc: DocumentSummary) => {
    location.hash = encodeURIComponent(doc.url);
  };
  const forget = async (url: string) => {
    if (!confirm(t('history_forget_confirm'))) return;
    const res = await send('history→bg:delete-document', { url });
    if (res.error) setError(res.error);
    if (selected === url) location.hash = '';
    await loadList();
  };

  return (
    <main class="history" data-ready={list ? 'true' : 'false'}>
      <h1>{t('history_title')}</h1>
      {error && (
        <p role="alert" class="error">
          {error}
        </p>
      )}
      {list?.error && (
        <p role="alert" class="error">
          {list.error}
        </p>
      )}
      {list && list.problems.length > 0 && <Problems count={list.problems.length} problems={list.problems} />}
      <div class="layout">
        <nav aria-labelledby="docs-heading" class="docs">
          <h2 id="docs-heading">{t('history_docs_heading')}</h2>
          {recheckOn !== null && list && list.total > 0 && (
            <p class="recheck">
              <button
                type="button"
                aria-pressed={recheckOn}
                disabled={!recheckOn && origins === null}
                onClick={() => void toggleRecheck()}
              >
                {recheckOn ? t('history_recheck_stop') : t('history_recheck_start')}
              </button>{' '}
              <span class="doc-meta">{recheckOn ? t('history_recheck_on') : t('history_recheck_off')}</span>
            </p>
          )}
          {list && list.total === 0 && <p>{t('history_empty')}</p>}
          {list && <DocList list={list} selected={selected} onRange={onRange} onOpen={open} />}
        </nav>
        <section class="detail" aria-labelledby="detail-heading">
          {!selected && <h2 id="detail-heading">{t('history_choose')}</h2>}
          {selected && versions && (
            <RecordBoundary fallback={<DamagedRow url={versions.url} />}>
              <h2 id="detail-heading">
                <bdi>{documentName(versions.title, versions.url)}</bdi>
              </h2>
              <p class="doc-url">
                <a href={versions.url} target="_blank" rel="noreferrer noopener">
                  {versions.url}
                </a>{' '}
                <button type="button" onClick={() => void forget(versions.url)}>
                  {t('history_forget')}
                </button>
              </p>
              {versions.error && <p role="alert">{versions.error}</p>}
              {versions.problems.length > 0 && (
                <Problems count={versions.problems.length} problems={versions.problems} />
              )}
              <Timeline
                t={t}
                versions={versions.versions}
                seenVersionId={versions.seenVersionId}
                from={pair?.from ?? null}
                to={pair?.to ?? null}
                onSelect={(from, to) => setPair({ from, to })}
                formatDate={fmt}
              />
              {versions.versions.length === 1 && <p>{t('history_one_version')}</p>}
              {diff?.error && <p role="alert">{diff.error}</p>}
              {diff?.ignoredLabels ? (
                <p class="warn" data-note="unknown-categories">
                  {translatePlural(
                    t,
                    'history_ignored_labels',
                    diff.ignoredLabels,
                    formatterFor(uiLanguage()),
                  )}
                </p>
              ) : null}
              {diff?.diff && (
                <section aria-label={t('history_comparison')} class="comparison" data-testid="diff">
                  <h3>
                    {diff.from && fmt(diff.from.firstSeen)} → {diff.to && fmt(diff.to.firstSeen)}
                  </h3>
                  <DiffView
                    diff={diff.diff}
                    headline={diff.headline}
                    categoryName={categoryName}
                    labels={DIFF_LABELS}
                  />
                </section>
              )}
            </RecordBoundary>
          )}
        </section>
      </div>
    </main>
  );
}
