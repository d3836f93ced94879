import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { dispatch, registerTabReportCleanup } from './dispatch';
import { registerCheckoutCleanup } from './checkout';
import { registerGrantCleanup } from './grants';
import { registerReadingCleanup } from './page-reading';
import { onNotificationClicked } from './notify';
import { registerHistoryTabCleanup } from './history';
import { onRecheckAlarm, syncRecheckAlarm } from './recheck';
import { onSettingsChanged } from '@/adapters/settings';

export default defineBackground(() => {
  // The worker's own timeline (no page reads it): how long after the worker started its script was loaded and
  // evaluated, the bundled model's literal included; `npm run bench` reads it after stopping the worker.
  performance.mark('fineprint:bg-main');
  // The polyfill module makes a returned Promise the reply on Chrome too.
  browser.runtime.onMessage.addListener((message: unknown, sender) => dispatch(message, sender));
  browser.notifications.onClicked.addListener((id) => void onNotificationClicked(id));
  browser.alarms.onAlarm.addListener((alarm) => void onRecheckAlarm(alarm));
  onSettingsChanged((settings) => void syncRecheckAlarm(settings));
  void syncRecheckAlarm();
  registerHistoryTabCleanup();
  registerCheckoutCleanup();
  registerGrantCleanup();
  registerTabReportCleanup();
  registerReadingCleanup();
});
