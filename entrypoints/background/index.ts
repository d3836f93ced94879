import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { dispatch } from './dispatch';

export default defineBackground(() => {
  // The polyfill module makes a returned Promise the reply on Chrome too.
  browser.runtime.onMessage.addListener((message: unknown, sender) => dispatch(message, sender));
});
