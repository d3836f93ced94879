import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { envelope, type MessageName, type Req, type Res } from '@/lib/messages';
import { createTranslator } from '@/lib/i18n';
import { DEFAULT_SETTINGS, type Settings } from '@/lib/settings';
import { coerceSettings } from '@/lib/store/settings';
import { originPatterns, originsOf } from '@/lib/fetch/origins';
import { parseExportText } from '@/lib/export-import';
import { OptionsView, type OptionsStatus } from '@/components/OptionsView';

const t = createTranslator((key, subs) => browser.i18n.getMessage(key as never, subs));

function send<N extends MessageName>(type: N, payload: Req<N>): Promise<Res<N>> {
  return browser.runtime.sendMessage(envelope(type, payload)) as Promise<Res<N>>;
}
const errorText = (e: unknown) => (e instanceof Error ? e.message : String(e));

const withDefaults = coerceSettings;

export function App() {
  const [settings, setSettings] = useState<Settings | null>(null);
  const [status, setStatus] = useState<OptionsStatus | null>(null);
  const [busy, setBusy] = useState(false);
  // URLs of the tracked policies: turning re-check on asks for exactly their origins (and nothing broad).
  const [trackedUrls, setTrackedUrls] = useState<string[]>([]);

  useEffect(() => {
    void browser.storage.local
      .get('settings')
      .then((got) => setSettings(withDefaults(got.settings)))
      .catch((e: unknown) => {
        setSettings(DEFAULT_SETTINGS);
        setStatus({ kind: 'error', text: t('options_error', [errorText(e)]) });
      });
    const onChanged = (changes: Record<string, { newValue?: unknown }>, area: string) => {
      if (area === 'local' && changes.settings) setSettings(withDefaults(changes.settings.newValue));
    };
    browser.storage.onChanged.addListener(onChanged);
    send('popup→bg:get-history', {})
      .then((reply) => setTrackedUrls(reply.documents.map((d) => d.url)))
      .catch(() => setTrackedUrls([]));
    return () => browser.storage.onChanged.removeListener(onChanged);
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
          await send('popup→bg:grant-origins', { origins: originsOf(trackedUrls) }).catch(() => null);
          persist(next);
        });
      return;
    }
    persist(next);
  };
  const persist = (next: Settings) => {
    setSettings(next);
    browser.storage.local
      .set({ settings: next })
      .then(() => setStatus({ kind: 'ok', text: t('options_saved') }))
      .catch((e: unknown) => setStatus({ kind: 'error', text: t('options_save_failed', [errorText(e)]) }));
  };

  const onExport = async () => {
    setBusy(true);
    try {
      const res = await send('options→bg:export-history', {});
      if (!res.ok) throw new Error(res.error);
      const blob = new Blob([JSON.stringify(res.data, null, 1)], { type: 'application/json' });
      const url = URL.createObjectURL(blob);
      const a = document.createElement('a');
      a.href = url;
      a.download = `fineprint-history-${new Date().toISOString().slice(0, 10)}.json`;
      document.body.append(a);
      a.click();
      a.remove();
      // Revoke later: the download may still be reading the blob when click() returns.
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
      setStatus({
        kind: 'ok',
        text: t('options_exported', [res.data.documents.length, res.data.versions.length]),
      });
    } catch (e) {
      setStatus({ kind: 'error', text: t('options_error', [errorText(e)]) });
    } finally {
      setBusy(false);
    }
  };

  const onImport = async (text: string) => {
    // Checked here first so a wrong file is explained without a round trip; the background checks again.
    const checked = parseExportText(text);
    if (!checked.ok) return setStatus({ kind: 'error', text: t('options_import_failed', [checked.error]) });
    setBusy(true);
    try {
      const res = await send('options→bg:import-history', { data: checked.data });
      if (!res.ok) setStatus({ kind: 'error', text: t('options_import_failed', [res.error]) });
      else
        setStatus({ kind: 'ok', text: t('options_imported', [res.documents, res.versions, res.unchanged]) });
    } catch (e) {
      setStatus({ kind: 'error', text: t('options_import_failed', [errorText(e)]) });
    } finally {
      setBusy(false);
    }
  };

  const onDelete = async () => {
    setBusy(true);
    try {
      const res = await send('options→bg:delete-history', { confirm: 'delete-everything' });
      setStatus(
        res.ok
          ? { kind: 'ok', text: t('options_deleted') }
          : { kind: 'error', text: t('options_error', [res.error ?? '']) },
      );
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
      onImport={(text) => void onImport(text)}
      onDelete={() => void onDelete()}
      status={status}
      busy={busy}
    />
  );
}
