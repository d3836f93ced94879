// @vitest-environment happy-dom
/**
 * What the page analysis puts within the page's reach carries no fixed name (lib/highlight/session-names.ts),
 * its own nodes are known by reference (own-nodes.ts), and its UI host (ui-host.ts) is a closed shadow root
 * whose controls a page script cannot press.
 */
import { randomBytes } from 'node:crypto';
import { describe, expect, it, vi } from 'vitest';
import { CATEGORY_IDS } from '../../lib/classify/taxonomy';
import {
  createOwnNodes,
  createUiHost,
  drawSessionNames,
  highlightApiCss,
  markCss,
} from '../../lib/highlight';

const random = (bytes: Uint8Array) => bytes.set(randomBytes(bytes.length));

describe('drawSessionNames', () => {
  it('draws distinct names, none of them fixed, and different ones each session', () => {
    const a = drawSessionNames(random);
    const b = drawSessionNames(random);
    const all = (n: typeof a) => [
      ...CATEGORY_IDS.map((c) => n.highlight[c]),
      n.active,
      n.flash,
      n.markAttr,
      n.activeAttr,
      n.flashAttr,
      n.uiTag,
    ];
    expect(new Set(all(a)).size).toBe(all(a).length);
    for (const name of all(a)) {
      expect(name).toMatch(/^[a-z][a-z-]{9,}$/);
      expect(name).not.toMatch(/fineprint|fp-|wxt/);
    }
    expect(all(a).filter((name) => all(b).includes(name))).toEqual([]);
    // The style rules name only this session's highlights and marks.
    const css = `${highlightApiCss(a)}\n${markCss(a)}`;
    expect(css).not.toMatch(/fineprint/);
    expect(css).toContain(`::highlight(${a.highlight['ai-training']})`);
  });

  it('gives the UI a valid custom element name (a closed shadow root can be attached to it)', () => {
    const { uiTag } = drawSessionNames(random);
    expect(uiTag).toMatch(/^[a-z]+-[a-z]+$/);
    expect(() => document.createElement(uiTag).attachShadow({ mode: 'closed' })).not.toThrow();
  });
});

describe('createUiHost', () => {
  it('hides its content from the page and acts only on trusted events', () => {
    const own = createOwnNodes();
    const ui = createUiHost(document, { tag: 'abc-def', css: 'button { color: red }', own });
    ui.attach();
    expect(ui.host.parentElement).toBe(document.body);
    expect(ui.host.shadowRoot).toBeNull();
    expect(own.kind(ui.host)).toBe('omit');
    const pressed = vi.fn();
    const button = document.createElement('button');
    button.addEventListener('click', pressed);
    ui.container.append(button);
    // A script's click (isTrusted false) never reaches the control.
    button.click();
    button.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
    expect(pressed).not.toHaveBeenCalled();
    ui.host.remove();
  });
});

describe('createOwnNodes', () => {
  it('knows our nodes by reference, not by anything the page can copy', () => {
    const own = createOwnNodes();
    const mark = document.createElement('mark');
    const copy = mark.cloneNode() as Element;
    own.add(mark, 'unwrap');
    expect(own.kind(mark)).toBe('unwrap');
    expect(own.has(mark)).toBe(true);
    expect(own.has(copy)).toBe(false);
    expect(own.kind(document.createElement('p'))).toBeNull();
  });
});
