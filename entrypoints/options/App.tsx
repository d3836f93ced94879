import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { send } from '@/adapters/messaging';
import { t, uiLanguage } from '@/adapters/i18n';
import { onSettingsChanged, readSettings, saveSettings } from '@/adapters/settings';
import { translatePlural } from '@/lib/i18n';
import { formatterFor } from '@/lib/format';
import { DEFAULT_SETTINGS, type Settings } from '@/lib/settings';
import { originPatterns, originsOf } from '@/lib/fetch/origins';
import {
  deleteHistory,
  EXPORT_MIME,
  exportFileName,
  exportHistory,
  importFile,
  type ImportReport,
} from '@/lib/export-import';
import { openHistoryDB, toStoreError, type HistoryDB } from '@/lib/store';
import { OptionsView, type OptionsStatus } from '@/components/OptionsView';

const skippedText = (n: number) =>
  translatePlural(t, 'options_import_skipped', n, formatterFor(uiLanguage()));

const errorText = (e: unknown) => (e instanceof Error ? e.message : String(e));

let db: Promise<HistoryDB> | null = null;
/**
 * The history database, opened by this page itself: extension pages share the background's origin, so backup
 * and restore read and write it directly, with no message size limit in between.
 */
function historyDB(): Promise<HistoryDB> {
  db ??= openHistoryDB(indexedDB).catch((error: unknown) => {
    db = null;
    throw toStoreError(error);
  });
  return db;
}

/** The status line for a finished import: counts, then what was skipped or why it stopped. */
function importStatus(r: ImportReport): OptionsStatus {
  const imported = r.documents > 0 || r.versions > 0 || r.unchanged > 0;
  if (r.error && !imported)
    return { kind: 'error', text: t('options_import_failed', [r.error]), details: r.problems };
  if (!imported && r.skipped > 0)
    return {
      kind: 'error',
      text: t('options_import_failed', [skippedText(r.skipped)]),
      details: r.problems,
    };
  const parts = [t('options_imported', [r.documents, r.versions, r.unchanged])];
  if (r.skipped > 0) parts.push(skippedText(r.skipped));
  if (r.error) parts.push(t('options_import_stopped', [r.error]));
  else if (!r.complete) parts.push(t('options_import_incomplete'));
  return { kind: r.error ? 'error' : 'ok', text: parts.join(' '), details: r.problems };
}

export function App() {
  const [settings, setSettings] = useState<Settings | null>(null);
  const [status, setStatus] = useState<OptionsStatus | null>(null);
  const [busy, setBusy] = useState(false);
  // URLs of the tracked policies: turning re-check on asks for exactly their origins (and nothing broad).
  const [trackedUrls, setTrackedUrls] = useState<string[]>([]);

  useEffect(() => {
    void readSettings()
      .then(setSettings)
      .catch((e: unknown) => {
        setSettings(DEFAULT_SETTINGS);
        setStatus({ kind: 'error', text: t('options_error', [errorText(e)]) });
      });
    const unsubscribe = onSettingsChanged(setSettings);
    send('ui→bg:get-history', {})
      .then((reply) => setTrackedUrls(reply.documents.map((d) => d.url)))
      .catch(() => setTrackedUrls([]));
    return unsubscribe;
  }, []);

  if (!settings) return <main data-ready="false" aria-busy="true" />;

  const save = (next: Settings) => {
    if (next.recheck.enabled && !settings.recheck.enabled && trackedUrls.length > 0) {
      // Inside the click, before any await: browsers only show the prompt for a direct user action.
      void browser.permissions
        .request({ origins: originPatterns(trackedUrls) })
        .catch(() => false)
        .then(async (granted) => {
          if (!granted) return setStatus({ kind: 'error', text: t('options_recheck_denied') });
          // The browser's permission covers a host on every port; Fineprint records the exact origins.
          await send('ui→bg:grant-origins', { origins: originsOf(trackedUrls) }).catch(() => null);
          persist(next);
        });
      return;
    }
    persist(next);
  };
  const persist = (next: Settings) => {
    setSettings(next);
    saveSettings(next)
      .then(() => setStatus({ kind: 'ok', text: t('options_saved') }))
      .catch((e: unknown) => setStatus({ kind: 'error', text: t('options_save_failed', [errorText(e)]) }));
  };

  const onExport = async () => {
    setBusy(true);
    try {
      const now = Date.now();
      // Each chunk becomes a Blob part at once: the export is never one string in memory.
      const { parts, counts } = await exportHistory(await historyDB(), now, (text) => new Blob([text]), {
        onProgress: (c) => setStatus({ kind: 'progress', text: t('options_exporting', [c.documents]) }),
      });
      const url = URL.createObjectURL(new Blob(parts, { type: EXPORT_MIME }));
      const a = document.createElement('a');
      a.href = url;
      a.download = exportFileName(now);
      document.body.append(a);
      a.click();
      a.remove();
      // Revoke later: the download may still be reading the blob when click() returns.
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
      setStatus({ kind: 'ok', text: t('options_exported', [counts.documents, counts.versions]) });
    } catch (e) {
      setStatus({ kind: 'error', text: t('options_error', [errorText(e)]) });
    } finally {
      setBusy(false);
    }
  };

  const onImport = async (file: File) => {
    setBusy(true);
    try {
      const report = await importFile(await historyDB(), file, {
        onProgress: (p) =>
          setStatus({ kind: 'progress', text: t('options_importing', [p.documents, p.versions]) }),
      });
      setStatus(importStatus(report));
    } catch (e) {
      setStatus({ kind: 'error', text: t('options_import_failed', [errorText(e)]) });
    } finally {
      setBusy(false);
    }
  };

  const onDelete = async () => {
    setBusy(true);
    try {
      await deleteHistory(await historyDB());
      setStatus({ kind: 'ok', text: t('options_deleted') });
    } catch (e) {
      setStatus({ kind: 'error', text: t('options_error', [errorText(e)]) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <OptionsView
      t={t}
      settings={settings}
      onChange={save}
      onExport={() => void onExport()}
      onImport={(file) => void onImport(file)}
      onDelete={() => void onDelete()}
      status={status}
      busy={busy}
    />
  );
}
