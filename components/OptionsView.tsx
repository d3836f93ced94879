/**
 * The options page as a pure function of the settings and a status line; the entrypoint persists changes
 * and talks to the background for export / import / delete.
 */
import { useState } from 'preact/hooks';
import { CATEGORY_IDS, TAXONOMY, type CategoryId } from '@/lib/classify/taxonomy';
import { categoryMeaningKey, categoryNameKey, type Translate } from '@/lib/i18n';
import type { Settings } from '@/lib/settings';
import { RECHECK_PERIOD_HOURS } from '@/lib/settings';

export interface OptionsStatus {
  /** `progress`: an export or import under way. */
  kind: 'ok' | 'error' | 'progress';
  text: string;
  /** Reasons listed under the status (records an import skipped). */
  details?: string[];
}

export interface OptionsViewProps {
  t: Translate;
  settings: Settings;
  onChange: (next: Settings) => void;
  onExport: () => void;
  /** Receives the chosen file (read in chunks by the caller, whatever its size). */
  onImport: (file: File) => void;
  onDelete: () => void;
  status?: OptionsStatus | null;
  busy?: boolean;
}

/**
 * A host name from what a user typed ("https://www.Example.com/path" → "www.example.com"), or null when it
 * is not one. Only the host is kept: Fineprint is switched off per site, not per page.
 */
export function normaliseSiteInput(input: string): string | null {
  const trimmed = input.trim().toLowerCase();
  if (!trimmed) return null;
  let host: string;
  try {
    host = new URL(/^[a-z][a-z0-9+.-]*:\/\//.test(trimmed) ? trimmed : `https://${trimmed}`).hostname;
  } catch {
    return null;
  }
  host = host.replace(/\.$/, '');
  if (!/^[a-z0-9-]+(\.[a-z0-9-]+)*$/.test(host) && !/^\[[0-9a-f:]+\]$/.test(host)) return null;
  if (host.length > 253) return null;
  return host;
}

const toggleIn = <T,>(list: readonly T[], item: T, on: boolean): T[] =>
  on ? (list.includes(item) ? [...list] : [...list, item]) : list.filter((x) => x !== item);

/** A checkbox that reports its new state; other attributes (id, data-*) pass through. */
function Checkbox({
  onToggle,
  ...attrs
}: {
  checked: boolean;
  onToggle: (on: boolean) => void;
  id?: string;
  'data-show-category'?: string;
}) {
  return (
    <input type="checkbox" {...attrs} onChange={(e) => onToggle((e.target as HTMLInputElement).checked)} />
  );
}

export function OptionsView({
  t,
  settings,
  onChange,
  onExport,
  onImport,
  onDelete,
  status,
  busy,
}: OptionsViewProps) {
  const [site, setSite] = useState('');
  const [siteError, setSiteError] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const set = (p: Partial<Settings>) => onChange({ ...settings, ...p });
  const addSite = (e: Event) => {
    e.preventDefault();
    const host = normaliseSiteInput(site);
    if (!host) return setSiteError(true);
    setSiteError(false);
    setSite('');
    set({ disabledSites: toggleIn(settings.disabledSites, host, true) });
  };
  return (
    <main data-ready="true">
      <h1>{t('options_title')}</h1>

      <section aria-labelledby="h-categories">
        <h2 id="h-categories">{t('options_categories')}</h2>
        <p class="hint">{t('options_categories_hint')}</p>
        <ul class="checks">
          {CATEGORY_IDS.map((c) => (
            <li key={c} style={{ '--cat': TAXONOMY[c].colour }}>
              <label>
                <Checkbox
                  data-show-category={c}
                  checked={settings.shownCategories.includes(c)}
                  onToggle={(on) => set({ shownCategories: toggleIn(settings.shownCategories, c, on) })}
                />
                <span class="swatch" aria-hidden="true" />
                <span>{t(categoryNameKey(c))}</span>
              </label>
              <span class="hint"> — {t(categoryMeaningKey(c))}</span>
            </li>
          ))}
        </ul>
        <label class="row">
          <Checkbox checked={settings.highlights} onToggle={(on) => set({ highlights: on })} />
          {t('options_highlights')}
        </label>
      </section>

      <section aria-labelledby="h-notifications">
        <h2 id="h-notifications">{t('options_notifications')}</h2>
        <label class="row">
          <Checkbox
            id="notify-enabled"
            checked={settings.notifications.enabled}
            onToggle={(on) => set({ notifications: { ...settings.notifications, enabled: on } })}
          />
          {t('options_notify_enabled')}
        </label>
        <fieldset disabled={!settings.notifications.enabled}>
          <legend>{t('options_notify_categories')}</legend>
          <ul class="checks columns">
            {CATEGORY_IDS.map((c) => (
              <li key={c}>
                <label>
                  <Checkbox
                    checked={settings.notifications.categories.includes(c as CategoryId)}
                    onToggle={(on) =>
                      set({
                        notifications: {
                          ...settings.notifications,
                          categories: toggleIn(settings.notifications.categories, c, on),
                        },
                      })
                    }
                  />
                  {t(categoryNameKey(c))}
                </label>
              </li>
            ))}
          </ul>
        </fieldset>
      </section>

      <section aria-labelledby="h-recheck">
        <h2 id="h-recheck">{t('options_recheck')}</h2>
        <label class="row">
          <Checkbox
            id="recheck-enabled"
            checked={settings.recheck.enabled}
            onToggle={(on) => set({ recheck: { ...settings.recheck, enabled: on } })}
          />
          {t('options_recheck_enabled')}
        </label>
        <label class="row">
          {t('options_recheck_period')}
          <input
            type="number"
            min={RECHECK_PERIOD_HOURS.min}
            max={RECHECK_PERIOD_HOURS.max}
            step={1}
            value={settings.recheck.periodHours}
            disabled={!settings.recheck.enabled}
            onChange={(e) => {
              const n = Math.round(Number((e.target as HTMLInputElement).value));
              if (Number.isFinite(n) && n >= 1 && n <= 720)
                set({ recheck: { ...settings.recheck, periodHours: n } });
            }}
          />
        </label>
      </section>

      <section aria-labelledby="h-sites">
        <h2 id="h-sites">{t('options_sites')}</h2>
        {settings.disabledSites.length === 0 ? (
          <p class="hint">{t('options_sites_none')}</p>
        ) : (
          <ul class="sites">
            {settings.disabledSites.map((s) => (
              <li key={s}>
                <span>{s}</span>{' '}
                <button
                  type="button"
                  aria-label={t('options_site_remove', [s])}
                  onClick={() => set({ disabledSites: toggleIn(settings.disabledSites, s, false) })}
                >
                  ×
                </button>
              </li>
            ))}
          </ul>
        )}
        <form class="row" onSubmit={addSite}>
          <label for="site-input" class="visually-hidden">
            {t('options_sites')}
          </label>
          <input
            id="site-input"
            type="text"
            inputMode="url"
            autoComplete="off"
            placeholder={t('options_site_placeholder')}
            value={site}
            aria-invalid={siteError}
            aria-describedby={siteError ? 'site-error' : undefined}
            onInput={(e) => setSite((e.target as HTMLInputElement).value)}
          />
          <button type="submit">{t('options_site_add')}</button>
        </form>
        {siteError && (
          <p id="site-error" class="error" role="alert">
            {t('options_site_invalid')}
          </p>
        )}
      </section>

      <section aria-labelledby="h-data">
        <h2 id="h-data">{t('options_data')}</h2>
        <p class="hint">{t('options_data_hint')}</p>
        <div class="row">
          <button type="button" id="export" onClick={onExport} disabled={busy}>
            {t('options_export')}
          </button>
          <label class="file">
            {t('options_import')}{' '}
            <input
              type="file"
              id="import"
              accept=".jsonl,.json,application/x-ndjson,application/json"
              disabled={busy}
              onChange={(e) => {
                const input = e.target as HTMLInputElement;
                const file = input.files?.[0];
                if (!file) return;
                onImport(file);
                input.value = '';
              }}
            />
          </label>
        </div>
        <div class="row">
          {!confirming ? (
            <button
              type="button"
              id="delete"
              class="danger"
              onClick={() => setConfirming(true)}
              disabled={busy}
            >
              {t('options_delete')}
            </button>
          ) : (
            <div role="alertdialog" aria-labelledby="confirm-text" class="confirm">
              <p id="confirm-text">{t('options_delete_confirm')}</p>
              <button
                type="button"
                id="delete-confirm"
                class="danger"
                onClick={() => {
                  setConfirming(false);
                  onDelete();
                }}
              >
                {t('options_delete_yes')}
              </button>{' '}
              <button type="button" id="delete-cancel" onClick={() => setConfirming(false)} autoFocus>
                {t('options_delete_no')}
              </button>
            </div>
          )}
        </div>
      </section>
      <p
        class={`status ${status?.kind ?? ''}`}
        role="status"
        aria-live="polite"
        data-status={status?.kind ?? ''}
      >
        {status?.text ?? ''}
      </p>
      {status?.details && status.details.length > 0 && (
        <ul class="status-details" aria-label={t('options_import_details')}>
          {status.details.map((d, i) => (
            <li key={i}>
              <bdi>{d}</bdi>
            </li>
          ))}
        </ul>
      )}
    </main>
  );
}
