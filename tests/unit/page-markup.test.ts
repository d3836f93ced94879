// The page's markup as the content script sends it for reading (lib/extract/page-markup.ts): parsing it
// again must give the same elements, attributes and text. Team-written markup.
import { describe, expect, it } from 'vitest';
import { pageMarkupInSteps, type OwnElement, type PageMarkupOptions } from '@/lib/extract/page-markup';
import { readingFromReply } from '@/lib/extract/reading';
import { parseHtml } from '@/scripts/parse-html';

function markup(doc: Document, options: PageMarkupOptions = {}) {
  const job = pageMarkupInSteps(doc, options);
  let pauses = 0;
  for (;;) {
    const step = job.next();
    if (step.done) return { ...step.value, pauses };
    pauses++;
  }
}

/**
 * Elements (name, attributes), text and comments (content ignored) of a tree, in document order. Adjacent
 * text nodes are one text, as a browser's parser makes them (linkedom splits text at character references).
 */
function shape(node: Node): unknown {
  if (node.nodeType === 3) return node.nodeValue;
  if (node.nodeType === 8) return '<!---->';
  const el = node as Element;
  const children: unknown[] = [];
  for (const child of Array.from(el.childNodes)) {
    const s = shape(child);
    const last = children.length - 1;
    if (child.nodeType === 3 && typeof children[last] === 'string' && children[last] !== '<!---->')
      children[last] += s as string;
    else children.push(s);
  }
  return [el.localName, Array.from(el.attributes, (a) => `${a.name}=${a.value}`), children];
}

let seed = 7;
const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
const TEXTS = ['we share', '&amp; &lt;b&gt;', '&nbsp;x', '"quoted"', 'ü —', ' ', '\n', 'a > b', '&#x2028;'];
const ATTRS = [
  'class="a b"',
  'id="x&amp;y"',
  'title="say &quot;hi&quot;"',
  'data-x="&lt;p&gt;"',
  'hidden',
  'style="display:none"',
];

function randomMarkup(depth: number): string {
  let out = '';
  for (let i = Math.floor(random() * 5); i > 0; i--) {
    const r = random();
    if (r < 0.4) out += pick(TEXTS);
    else if (r < 0.5) out += '<!-- a comment -->';
    else if (r < 0.6) out += pick(['<br>', '<img alt="a &amp; b" src="x.png">', '<hr>']);
    else if (depth > 0) {
      const tag = pick(['p', 'span', 'b', 'div', 'li', 'section', 'a', 'h2']);
      const attrs = random() < 0.5 ? ` ${pick(ATTRS)}` : '';
      out += `<${tag}${attrs}>${randomMarkup(depth - 1)}</${tag}>`;
    }
  }
  return out;
}

describe('pageMarkupInSteps', () => {
  it('parses back to the same elements, attributes and text, on 300 random trees', () => {
    for (let i = 0; i < 300; i++) {
      const doc = parseHtml(
        `<!doctype html><html lang="en"><head><title>T &amp; C</title></head><body>${randomMarkup(4)}</body></html>`,
      );
      const again = parseHtml(markup(doc).html);
      expect(shape(again.documentElement), `tree ${i}`).toEqual(shape(doc.documentElement));
    }
  });

  it('writes scripts, styles, noscript, templates and SVG empty, keeping JSON-LD', () => {
    const doc = parseHtml(
      '<html><head><style>p{color:red}</style><script type="application/ld+json">{"headline":"Privacy"}</script></head>' +
        '<body><script>track()</script><noscript><p>Enable JavaScript</p></noscript>' +
        '<svg viewBox="0 0 1 1"><title>icon</title><path d="M0"/></svg><template><p>later</p></template><p>Policy</p></body></html>',
    );
    const { html } = markup(doc);
    expect(html).toContain('<script type="application/ld+json">{"headline":"Privacy"}</script>');
    expect(html).toContain('<script></script>');
    expect(html).toContain('<style></style>');
    expect(html).toContain('<noscript></noscript>');
    expect(html).toContain('<svg viewBox="0 0 1 1"></svg>');
    expect(html).toContain('<template></template>');
    for (const gone of ['track()', 'color:red', 'Enable JavaScript', 'icon', 'later'])
      expect(html).not.toContain(gone);
    expect(parseHtml(html).body.textContent).toBe('Policy');
  });

  it('drops a JSON-LD script whose text could end it early', () => {
    const doc = parseHtml('<html><head></head><body><p>x</p></body></html>');
    const script = doc.createElement('script');
    script.setAttribute('type', 'application/ld+json');
    script.textContent = '{"a":"</script><p>injected</p>"}';
    doc.head.append(script);
    const again = parseHtml(markup(doc).html);
    expect(again.body.textContent).toBe('x');
    expect(again.querySelectorAll('p')).toHaveLength(1);
  });

  it('leaves the caller’s own UI out and unwraps its highlight marks', () => {
    const doc = parseHtml(
      '<html><body><div data-ui><p>Our card</p></div><p>We <mark data-mark>share</mark> data.</p></body></html>',
    );
    const own = (el: Element): OwnElement =>
      el.hasAttribute('data-ui') ? 'omit' : el.hasAttribute('data-mark') ? 'unwrap' : null;
    const again = parseHtml(markup(doc, { own }).html);
    expect(shape(again.body)).toEqual(['body', [], [['p', [], ['We share data.']]]]);
  });

  it('stops near maxChars with every open element closed, and says so', () => {
    const paragraphs = Array.from({ length: 200 }, (_, i) => `<p>Paragraph ${i} of the policy.</p>`).join('');
    const doc = parseHtml(`<html><body><main><section>${paragraphs}</section></main></body></html>`);
    const cut = markup(doc, { maxChars: 1_000 });
    expect(cut.truncated).toBe(true);
    expect(cut.html.length).toBeLessThan(1_200);
    expect(cut.html.endsWith('</section></main></body></html>')).toBe(true);
    const again = parseHtml(cut.html);
    expect(again.querySelector('main > section > p')?.textContent).toBe('Paragraph 0 of the policy.');
    expect(markup(doc).truncated).toBe(false);
  });

  it('stays within maxChars when one text node is longer than that, and writes data attributes empty', () => {
    const doc = parseHtml(
      `<html><body><img alt="logo" src="data:image/png;base64,${'A'.repeat(10_000)}"><p>${'&amp;'.repeat(5_000)}</p></body></html>`,
    );
    const cut = markup(doc, { maxChars: 2_000 });
    expect(cut.truncated).toBe(true);
    expect(cut.html.length).toBeLessThan(2_100);
    const again = parseHtml(cut.html);
    expect(again.querySelector('img')?.getAttribute('src')).toBe('');
    expect(again.querySelector('img')?.getAttribute('alt')).toBe('logo');
    expect(again.querySelector('p')?.textContent).toMatch(/^&+/);
  });

  it('pauses every nodesPerStep nodes, and walks a 5,000-deep tree without recursion', () => {
    const doc = parseHtml(`<html><body>${'<p>x</p>'.repeat(500)}</body></html>`);
    // 500 paragraphs and their text, plus html, head and body.
    expect(markup(doc, { nodesPerStep: 100 }).pauses).toBe(10);
    const deep = parseHtml('<html><body></body></html>');
    let at: Element = deep.body;
    for (let i = 0; i < 5_000; i++) at = at.appendChild(deep.createElement('div'));
    at.append('bottom');
    const { html } = markup(deep);
    expect(html.match(/<div>/g)).toHaveLength(5_000);
    expect(html).toContain(`bottom${'</div>'.repeat(5_000)}</body></html>`);
  });
});

describe('readingFromReply', () => {
  it('is the reply when the background read the page, and a clear reason when it could not', () => {
    const read = { title: 'T', language: 'en', blocks: [], truncated: false, source: 'readability' as const };
    expect(readingFromReply(read, 'x')).toBe(read);
    const failed = readingFromReply({ error: 'invalid parse request' }, 'Privacy');
    expect(failed).toMatchObject({ title: 'Privacy', blocks: [], unsupported: { reason: 'unreadable' } });
    expect(failed.unsupported?.message).toContain('invalid parse request');
    expect(readingFromReply(undefined, 'Privacy').unsupported?.message).toContain('no answer');
  });
});
