/**
 * The host of the in-page UI (summary bar, cards): an element with the session's random tag holding a
 * closed shadow root, so page script can neither find it by name nor reach inside it (a closed root's
 * `shadowRoot` is null to the page, and nothing of ours hands it out). Inside, only the user's own input
 * counts: events a script made (`isTrusted` false: `.click()`, `dispatchEvent`) are stopped before they reach
 * a control. Key events typed in the UI stay in it (the page's shortcuts do not see them).
 * @module
 */
import type { OwnNodes } from './own-nodes';

export interface UiHost {
  /** The host element (not yet in the page until `attach`). */
  host: HTMLElement;
  /** Where the UI is rendered, inside the closed shadow root. */
  container: HTMLElement;
  /** Appends the host at the end of the body (or the root element). */
  attach(): void;
}

export interface UiHostOptions {
  /** A valid custom element name (the session's random one). */
  tag: string;
  /** The UI's styles, scoped by the shadow root. */
  css: string;
  own: OwnNodes;
}

/** Events a page script could fake to press or type into our controls. */
const INPUT_EVENTS = [
  'click',
  'dblclick',
  'auxclick',
  'contextmenu',
  'mousedown',
  'mouseup',
  'pointerdown',
  'pointerup',
  'keydown',
  'keyup',
  'keypress',
  'beforeinput',
  'input',
  'change',
  'submit',
] as const;

export function createUiHost(doc: Document, { tag, css, own }: UiHostOptions): UiHost {
  const host = doc.createElement(tag);
  own.add(host, 'omit');
  const shadow = host.attachShadow({ mode: 'closed' });
  for (const type of INPUT_EVENTS)
    shadow.addEventListener(
      type,
      (e) => {
        if (e.isTrusted) return;
        e.stopImmediatePropagation();
        e.preventDefault();
      },
      { capture: true },
    );
  for (const type of ['keydown', 'keyup', 'keypress'])
    shadow.addEventListener(type, (e) => e.stopPropagation());
  const style = doc.createElement('style');
  style.textContent = css;
  const container = doc.createElement('div');
  shadow.append(style, container);
  return {
    host,
    container,
    attach: () => void (doc.body ?? doc.documentElement).append(host),
  };
}
