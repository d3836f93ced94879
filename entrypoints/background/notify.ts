/**
 * System notifications and the action badge for policy changes. A notification's id carries the document URL,
 * so a click opens the history page on that document.
 */
import { browser } from 'wxt/browser';
import { changeHeadline } from '@/lib/change-summary';
import { createTranslator } from '@/lib/i18n';
import type { ChangeSummary } from '@/lib/messages';

const t = createTranslator((key, subs) => browser.i18n.getMessage(key as never, subs));

/** The UI language for dates; English where the API is missing (a test double, an old engine). */
export function uiLanguage(): string {
  try {
    return browser.i18n.getUILanguage() || 'en';
  } catch {
    return 'en';
  }
}

const PREFIX = 'fineprint-change:';

// Why inline: Chrome requires an iconUrl for basic notifications and the extension ships no icon files yet.
// A 48×48 PNG drawn for Fineprint (pink square with text lines), 136 bytes.
const ICON =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAADAAAAAwCAYAAABXAvmHAAAAT0lEQVR42u3VwQkAIAwEwfRkW9abdmINgggHs5AC5nGkSnpXrz0JBwAAAAAAABAL+BGADQAAAPgDADYAAADgDwDYAAAAAAAAAABAEEC67wBtU84ATX5i8gAAAABJRU5ErkJggg==';

/** Show a notification naming the document and its most important change, in the UI language. */
export async function notifyChange(change: ChangeSummary, now = Date.now()): Promise<string | null> {
  try {
    return await browser.notifications.create(PREFIX + change.documentUrl, {
      type: 'basic',
      iconUrl: ICON,
      title: t('notify_title'),
      // Only the four fields both browsers accept: Firefox rejects the whole call on e.g. `contextMessage`.
      message: changeHeadline(change.title, change.diff, change.previousSeenAt, now, uiLanguage(), t),
    });
  } catch (error) {
    console.warn('[fineprint] notification failed', error);
    return null;
  }
}

function actionApi() {
  // MV3 has `action`; the Firefox MV2 build has `browserAction`.
  return browser.action ?? (browser as unknown as { browserAction?: typeof browser.action }).browserAction;
}

/** Mark the tab's action with a badge while it shows a changed policy; clear it otherwise. */
export async function setChangeBadge(tabId: number, changed: boolean): Promise<void> {
  const action = actionApi();
  if (!action) return;
  try {
    await action.setBadgeText({ tabId, text: changed ? '!' : '' });
    if (changed) await action.setBadgeBackgroundColor({ tabId, color: '#d6336c' });
  } catch {
    // The tab may have closed meanwhile.
  }
}

/** Notification click: open the history page on the changed document. */
export async function onNotificationClicked(notificationId: string): Promise<void> {
  if (!notificationId.startsWith(PREFIX)) return;
  const url = notificationId.slice(PREFIX.length);
  await browser.tabs.create({
    url: `${browser.runtime.getURL('/policy-history.html')}#${encodeURIComponent(url)}`,
  });
  await browser.notifications.clear(notificationId);
}
