// Measuring an element's text through its text nodes (lib/dom-text.ts), checked against `textContent`.
// Team-written markup.
import { describe, expect, it } from 'vitest';
import { hasTextAtLeast, textOf } from '@/lib/dom-text';
import { parseHtml } from '@/scripts/parse-html';

let seed = 11;
const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
const WORDS = ['we', 'share', 'données', 'personal data', '—', ' ', '', 'x'.repeat(50), '&amp;', 'ü', '\n'];

/** Random nested markup: empty elements, empty and long text, inline and block elements, comments. */
function randomMarkup(depth: number): string {
  const n = Math.floor(random() * 5);
  let out = '';
  for (let i = 0; i < n; i++) {
    const r = random();
    if (r < 0.4) out += pick(WORDS);
    else if (r < 0.5) out += '<!-- not text -->';
    else if (depth > 0) {
      const tag = pick(['p', 'span', 'b', 'div', 'li']);
      out += `<${tag}>${randomMarkup(depth - 1)}</${tag}>`;
    }
  }
  return out;
}

describe('textOf', () => {
  it('equals textContent on 300 random trees, and on a detached element', () => {
    for (let i = 0; i < 300; i++) {
      const doc = parseHtml(`<!doctype html><body><main>${randomMarkup(4)}</main></body>`);
      const main = doc.querySelector('main')!;
      expect(textOf(main), `tree ${i}`).toBe(main.textContent);
    }
    const doc = parseHtml('<body></body>');
    const detached = doc.createElement('div');
    detached.append('a', doc.createElement('b'), 'c');
    detached.querySelector('b')!.append('b');
    expect(textOf(detached)).toBe('abc');
  });
});

describe('hasTextAtLeast', () => {
  it('agrees with textContent’s length at, just below and just above the threshold', () => {
    for (let i = 0; i < 300; i++) {
      const doc = parseHtml(`<!doctype html><body><main>${randomMarkup(4)}</main></body>`);
      const main = doc.querySelector('main')!;
      const length = (main.textContent ?? '').length;
      for (const min of [0, length - 1, length, length + 1])
        expect(hasTextAtLeast(main, min), `tree ${i}, min ${min}`).toBe(length >= min);
    }
  });
});
