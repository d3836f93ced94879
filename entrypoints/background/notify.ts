/**
 * System notifications and the action badge for policy changes. A notification's id carries the document URL,
 * so a click opens the history page on that document.
 */
import { browser } from 'wxt/browser';
import { changeHeadline } from '@/lib/change-summary';
import type { ChangeSummary } from '@/lib/change-summary';
import { cleanLine } from '@/lib/store/sanitize';
import { t, uiLanguage } from '@/adapters/i18n';

const PREFIX = 'fineprint-change:';

// Chrome requires an iconUrl for basic notifications: the packaged 48 px icon.
const ICON = '/icon-48.png';

/**
 * Show a notification for a change: the site's host first (from the document's address, which the page
 * cannot choose for another site), then the headline, which quotes the page's own title (cleaned of bidi
 * controls when it was stored; cleaned again here). Notifications are already limited to one per origin per
 * window by lib/store (claimNotification).
 */
export async function notifyChange(change: ChangeSummary, now = Date.now()): Promise<string | null> {
  try {
    return await browser.notifications.create(PREFIX + change.documentUrl, notificationText(change, now));
  } catch (error) {
    console.warn('[fineprint] notification failed', error);
    return null;
  }
}

/** The notification's fields (only the four both browsers accept: Firefox rejects e.g. `contextMessage`). */
export function notificationText(
  change: ChangeSummary,
  now = Date.now(),
): {
  type: 'basic';
  iconUrl: string;
  title: string;
  message: string;
} {
  let host: string;
  try {
    host = new URL(change.documentUrl).host;
  } catch {
    host = change.documentUrl;
  }
  const title = t('notify_changed_title', [host]);
  return {
    type: 'basic',
    iconUrl: browser.runtime.getURL(ICON),
    title,
    // In the UI language, rebuilt from the change (the stored headline is English).
    message: cleanLine(
      changeHeadline(change.title, change.diff, change.previousSeenAt, now, uiLanguage(), t),
      500,
    ),
  };
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
