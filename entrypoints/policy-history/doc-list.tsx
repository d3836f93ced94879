/**
 * The history page's list of tracked documents: read from the background a page of rows at a time as the
 * virtualised list (components/VirtualList.tsx) scrolls, each row a button that opens the document.
 */
import { useCallback, useRef, useState } from 'preact/hooks';
import { send } from '@/adapters/messaging';
import { t, uiLanguage } from '@/adapters/i18n';
import type { HistoryListReply } from '@/lib/history-view';
import type { DocumentSummary } from '@/lib/store/repository';
import { RecordBoundary } from '@/components/RecordBoundary';
import { VirtualList } from '@/components/VirtualList';
import { documentName } from '@/lib/change-summary';
import { formatterFor } from '@/lib/format';

// The one date format of the UI (lib/format.ts), in the UI language.
export const fmt = (ms: number) => formatterFor(uiLanguage()).date(ms);

/** Rows asked of the background at a time: a screen and a half. */
const PAGE = 40;

/** The list as far as it has been read: its length, the rows read so far by position, what was skipped. */
export interface ListState {
  total: number;
  /** Position → row; `null` for a row that was read and skipped as damaged. */
  rows: Map<number, DocumentSummary | null>;
  problems: string[];
  error?: string;
}

/** The list as far as read, what to call when rows come on screen, and a reload from the top (after "Forget"). */
export function useDocList(onError: (message: string) => void) {
  const [list, setList] = useState<ListState | null>(null);
  const asked = useRef(new Set<number>());
  /** Reads page `n` of the list (once), merging it into what is known. */
  const loadPage = useCallback((n: number, fresh = false) => {
    if (asked.current.has(n) && !fresh) return Promise.resolve();
    asked.current.add(n);
    return send('ui→bg:get-history', { offset: n * PAGE, limit: PAGE })
      .then((reply: HistoryListReply) =>
        setList((old) => {
          const rows = new Map(fresh || !old ? [] : old.rows);
          const positions = reply.positions ?? reply.documents.map((_, i) => n * PAGE + i);
          for (let i = n * PAGE; i < Math.min(n * PAGE + PAGE, reply.total ?? 0); i++) rows.set(i, null);
          reply.documents.forEach((d, i) => rows.set(positions[i]!, d));
          const problems = [...new Set([...(fresh || !old ? [] : old.problems), ...reply.problems])];
          return {
            total: reply.total ?? reply.documents.length,
            rows,
            problems,
            ...(reply.error ? { error: reply.error } : {}),
          };
        }),
      )
      .catch((e: unknown) => onError(String(e)));
  }, []);
  /** The rows on screen, so a reload (after "Forget") reads them again wherever the list is scrolled. */
  const shown = useRef({ start: 0, end: 0 });
  const total = useRef<number | null>(null);
  total.current = list?.total ?? null;
  const onRange = useCallback(
    (start: number, end: number) => {
      shown.current = { start, end };
      // Half a page ahead and behind is read too: Tab walks a row per key press, faster than a reply comes.
      const from = Math.max(0, start - PAGE / 2);
      const to = Math.min(end + PAGE / 2, total.current ?? end);
      for (let n = Math.floor(from / PAGE); n * PAGE < to; n++) void loadPage(n);
    },
    [loadPage],
  );
  const reload = async () => {
    asked.current.clear();
    await loadPage(0, true);
    onRange(shown.current.start, shown.current.end);
  };
  return { list, onRange, reload };
}

/** The tracked documents, newest first, as a virtualised list. */
export function DocList({
  list,
  selected,
  onRange,
  onOpen,
}: {
  list: ListState;
  selected: string | null;
  onRange: (start: number, end: number) => void;
  onOpen: (d: DocumentSummary) => void;
}) {
  return (
    <VirtualList
      class="doc-list"
      total={list.total}
      onRange={onRange}
      rowProps={(i) => {
        const d = list.rows.get(i);
        if (d === undefined) return { class: 'doc pending' };
        if (d === null) return { class: 'doc damaged', 'data-damaged': 'true' };
        return { class: d.url === selected ? 'doc current' : 'doc', 'data-url': d.url };
      }}
      row={(i) => {
        const d = list.rows.get(i);
        if (d === null) return <span class="doc-meta">{t('history_damaged')}</span>;
        // A row still being read (undefined) has the button it will have, so keyboard focus can land
        // on it and stays on the same element when the row arrives.
        return (
          <RecordBoundary fallback={<DamagedRow url={d?.url ?? ''} />}>
            <DocRow d={d} current={d !== undefined && d.url === selected} onOpen={onOpen} />
          </RecordBoundary>
        );
      }}
    />
  );
}

/** Stored records that could not be read: counted, and each named, so the user can tell which. */
export function Problems({ count, problems }: { count: number; problems: string[] }) {
  return (
    <details class="warn" data-problems={count}>
      <summary>{t('history_skipped', [count])}</summary>
      <ul>
        {problems.map((p, i) => (
          <li key={i}>
            <bdi>{p}</bdi>
          </li>
        ))}
      </ul>
    </details>
  );
}

/** A record that failed to render, flagged where it would have been. */
export function DamagedRow({ url }: { url: string }) {
  return (
    <span class="damaged" data-damaged="true">
      <bdi class="doc-url">{url}</bdi>
      <span class="doc-meta">{t('history_damaged')}</span>
    </span>
  );
}

/** One tracked document in the list (inside the list's own `<li>`). */
function DocRow({
  d,
  current,
  onOpen,
}: {
  d: DocumentSummary | undefined;
  current: boolean;
  onOpen: (d: DocumentSummary) => void;
}) {
  if (d === undefined)
    return (
      <>
        <button type="button" class="doc-open" aria-disabled="true">
          <bdi class="doc-title">{t('popup_loading')}</bdi>
        </button>
      </>
    );
  return (
    <>
      <button
        type="button"
        class="doc-open"
        aria-current={current ? 'true' : undefined}
        onClick={() => onOpen(d)}
      >
        <bdi class="doc-title">{documentName(d.title, d.url)}</bdi>
        <bdi class="doc-url">{d.url}</bdi>
      </button>
      <span class="doc-meta">
        {d.versionCount === 1
          ? t('history_doc_meta_one', [fmt(d.lastSeen)])
          : t('history_doc_meta', [d.versionCount, fmt(d.lastSeen)])}
      </span>
      {d.check && (
        <span class="doc-meta" data-check={d.check.lastError ? 'failed' : 'ok'}>
          {d.check.lastError
            ? t('history_recheck_failed', [d.check.lastError])
            : t('history_rechecked', [fmt(d.check.lastAttempt)])}
        </span>
      )}
      {d.lastChange ? (
        <bdi class="doc-change" data-change="true">
          {d.lastChange.headline}
        </bdi>
      ) : (
        <span class="doc-change">{t('history_no_change')}</span>
      )}
    </>
  );
}
