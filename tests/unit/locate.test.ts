// @vitest-environment happy-dom
// Fixture markup below is team-written for these tests.
import { beforeEach, describe, expect, it } from 'vitest';
import {
  createLocator,
  indexText,
  indexTextSliced,
  normaliseForMatch,
  rangeFor,
  type TextIndex,
} from '../../lib/locate';
import { pushNormalised } from '../../lib/locate/normalise';
import { runSliced } from '../../lib/scheduler';

function load(html: string): void {
  const parsed = new DOMParser().parseFromString(`<!doctype html><body>${html}</body>`, 'text/html');
  document.body.replaceChildren(...[...parsed.body.childNodes].map((n) => document.importNode(n, true)));
}

function place(
  html: string,
  clauses: string[],
  isHidden?: (el: Element) => boolean,
  isOwn?: (el: Element) => boolean,
) {
  load(html);
  const index = indexText(document.body, { isHidden, isOwn });
  const locator = createLocator(index);
  return clauses.map((c) => {
    const p = locator.locate(c);
    return p ? { placement: p, text: rangeFor(document, p).toString() } : null;
  });
}

beforeEach(() => document.body.replaceChildren());

describe('normaliseForMatch', () => {
  it('ignores case, whitespace, quotes, dashes and punctuation', () => {
    expect(normaliseForMatch('We don’t  “sell” — your\u00a0data.')).toBe(
      normaliseForMatch("we dont 'sell' - your data"),
    );
  });
  it('tolerates ligatures and decomposed accents', () => {
    expect(normaliseForMatch('ﬁle café')).toBe(normaliseForMatch('file cafe\u0301'));
  });
});

describe('index and normalised form agree with the per-code-point definition', () => {
  // The index and normaliseForMatch take shortcuts for ASCII; this is the plain definition they must match.
  const reference = (text: string) => {
    const out: string[] = [];
    const start: number[] = [];
    const end: number[] = [];
    let off = 0;
    for (const cp of text) {
      const before = out.length;
      pushNormalised(cp, out);
      for (let p = before; p < out.length; p++)
        for (let u = 0; u < out[p]!.length; u++) {
          start.push(off);
          end.push(off + cp.length);
        }
      off += cp.length;
    }
    return { text: out.join(''), start, end };
  };
  // Deterministic mix of ASCII, accents, ligatures that expand (ﬁ, ﷺ), astral letters, digits and punctuation.
  const ALPHABET = [
    'a',
    'Z',
    '9',
    ' ',
    '’',
    '-',
    'é',
    'É',
    'ﬁ',
    'ﷺ',
    '𝐀',
    'ß',
    'İ',
    'ω',
    '\n',
    '.',
    'Ⅻ',
    'x',
  ];
  const sample = (seed: number, n: number) => {
    let s = '';
    let x = seed;
    for (let i = 0; i < n; i++) {
      x = (x * 1103515245 + 12345) % 2147483648;
      s += ALPHABET[x % ALPHABET.length];
    }
    return s;
  };

  it('for random mixed-script text', () => {
    for (let seed = 1; seed <= 60; seed++) {
      const text = sample(seed, 1 + ((seed * 37) % 400));
      const want = reference(text);
      expect(normaliseForMatch(text)).toBe(want.text);
      const p = document.createElement('p');
      p.textContent = text;
      document.body.replaceChildren(p);
      const index = indexText(document.body);
      expect(index.text).toBe(want.text);
      expect(Array.from(index.start)).toEqual(want.start);
      expect(Array.from(index.end)).toEqual(want.end);
    }
  });
});

describe('normaliseForMatch on ASCII text', () => {
  // Every ASCII character, controls included: the all-ASCII shortcut must drop exactly what the per-code-point
  // definition drops and lower-case the rest.
  it('agrees with the per-code-point definition', () => {
    const ascii = Array.from({ length: 128 }, (_, c) => String.fromCharCode(c)).join('');
    const perCodePoint = (text: string) => {
      const out: string[] = [];
      for (const cp of text) pushNormalised(cp, out);
      return out.join('');
    };
    expect(normaliseForMatch(ascii)).toBe('0123456789abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyz');
    let x = 7;
    for (let n = 0; n < 200; n++) {
      let text = '';
      for (let i = 0; i < n; i++) {
        x = (x * 1103515245 + 12345) % 2147483648;
        text += ascii[x % 128];
      }
      expect(normaliseForMatch(text)).toBe(perCodePoint(text));
    }
  });
});

describe('locate clauses in the live DOM', () => {
  it('places a clause spanning inline elements and several text nodes', () => {
    const [hit] = place(
      '<p>Intro. We may use <a href="#">your content</a> to <b>train <i>our</i> models</b>. End.</p>',
      ['We may use your content to train our models.'],
    );
    expect(hit).not.toBeNull();
    expect(hit!.text).toBe('We may use your content to train our models.');
    expect(hit!.placement.segments.length).toBeGreaterThanOrEqual(5);
  });

  it('matches despite different whitespace, quotes and dashes', () => {
    const [hit] = place('<p>We   don\u2019t sell\n   your data \u2014 ever.</p>', [
      "We don't sell your data - ever.",
    ]);
    expect(hit?.text).toBe('We   don\u2019t sell\n   your data \u2014 ever.');
  });

  it('maps repeated text to successive occurrences in document order', () => {
    const html = '<p>You can opt out at any time.</p><p>Other.</p><p>You can opt out at any time.</p>';
    const hits = place(html, ['You can opt out at any time.', 'You can opt out at any time.']);
    const ps = document.querySelectorAll('p');
    expect(hits[0]!.placement.segments[0]!.node.parentNode).toBe(ps[0]);
    expect(hits[1]!.placement.segments[0]!.node.parentNode).toBe(ps[2]);
  });

  it('skips scripts, styles, hidden and aria-hidden text and our own UI', () => {
    const html = [
      '<script>var s = "We share data with partners.";</script>',
      '<div hidden><p>We share data with partners.</p></div>',
      '<div aria-hidden="true">We share data with partners.</div>',
      '<div class="ours">We share data with partners.</div>',
      '<p style="display:none" class="js-hidden">We share data with partners.</p>',
      '<p id="real">We share data with partners.</p>',
    ].join('');
    const [hit] = place(
      html,
      ['We share data with partners.'],
      (el) => el.classList.contains('js-hidden'),
      (el) => el.classList.contains('ours'),
    );
    expect(hit!.placement.segments[0]!.node.parentElement?.id).toBe('real');
  });

  it('places a clause whose page text hides words with format characters or look-alike letters', () => {
    // The clause text is the page's own (the classifier folds its copy, lib/classify/fold-text.ts).
    const disguised = 'We use your posts to tr\u200bain our m\u043edels and im\u00adprove\u2060 them.';
    const [hit] = place(`<p>Intro.</p><p id="d">${disguised}</p>`, [disguised]);
    expect(hit!.placement.how).toBe('exact');
    expect(hit!.text).toBe(disguised);
    // And extraction's form of it (a no-break space read as a space) still finds the page's text.
    const [spaced] = place('<p id="n">We may\u00a0sell\u200b your data.</p>', ['We may sell your data.']);
    expect(spaced!.placement.segments[0]!.node.parentElement?.id).toBe('n');
  });

  it('reports clauses that are not on the page as unplaced (null)', () => {
    const hits = place('<p>We keep logs for 30 days.</p>', ['We sell everything to everyone.', 'No.']);
    expect(hits).toEqual([null, null]);
  });

  it('places a short clause only close after the previous one', () => {
    const filler = '<p>' + 'Unrelated words here. '.repeat(200) + '</p>';
    const html = `<p>Opt out.</p>${filler}<p>You may change your settings.</p><ul><li>Opt out.</li></ul>`;
    const [first, second] = place(html, ['You may change your settings.', 'Opt out.']);
    expect(first).not.toBeNull();
    expect(second?.placement.segments[0]!.node.parentElement?.tagName).toBe('LI');
    // Only whole words: a cookie name "fr" is not found inside "from".
    const [, cookie] = place(
      '<p>We set cookies.</p><p>Sent from our servers.</p><table><tr><td>fr</td></tr></table>',
      ['We set cookies.', 'fr'],
    );
    expect(cookie?.placement.segments[0]!.node.parentElement?.tagName).toBe('TD');
    // Without a nearby preceding clause, a short text is not searched for across the page.
    const [alone] = place(`${filler}<p>Opt out.</p>`, ['Opt out.']);
    expect(alone).toBeNull();
  });

  it('finds a clause whose middle differs (footnote marker) by its head and tail', () => {
    const body =
      'We retain personal information for as long as necessary to provide the services<sup>[3]</sup> and to comply with our legal obligations under applicable law.';
    const [hit] = place(`<p>${body}</p>`, [
      'We retain personal information for as long as necessary to provide the services and to comply with our legal obligations under applicable law.',
    ]);
    expect(hit?.placement.how).toBe('anchors');
    expect(hit?.text).toContain('[3]');
  });

  it('falls back to searching from the top when clauses come out of order', () => {
    const hits = place('<p>First clause about cookies.</p><p>Second clause about sharing.</p>', [
      'Second clause about sharing.',
      'First clause about cookies.',
    ]);
    expect(hits.map((h) => h?.text)).toEqual(['Second clause about sharing.', 'First clause about cookies.']);
  });
});

describe('index snapshot (the early preview marks the top of the page with it)', () => {
  const paragraphs = (n: number) =>
    Array.from(
      { length: n },
      (_, i) => `<p>Paragraph ${i} says we keep <b>your data</b> for ${i} days.</p>`,
    ).join('');

  it('is exactly the start of the whole index, taken once, while indexing goes on', () => {
    load(paragraphs(400));
    const snapshots: TextIndex[] = [];
    const whole = indexText(document.body, { snapshotAt: 2_000, onSnapshot: (t) => void snapshots.push(t) });
    expect(snapshots).toHaveLength(1);
    const top = snapshots[0]!;
    expect(top.text.length).toBeGreaterThanOrEqual(2_000);
    expect(top.text.length).toBeLessThan(whole.text.length / 4);
    expect(whole.text.startsWith(top.text)).toBe(true);
    expect(top.nodes).toEqual(whole.nodes.slice(0, top.nodes.length));
    expect([...top.node]).toEqual([...whole.node.subarray(0, top.text.length)]);
    expect([...top.start]).toEqual([...whole.start.subarray(0, top.text.length)]);
    expect([...top.end]).toEqual([...whole.end.subarray(0, top.text.length)]);
    // Clauses at the top are placed with it as with the whole index.
    const clause = 'Paragraph 3 says we keep your data for 3 days.';
    expect(rangeFor(document, createLocator(top).locate(clause)!).toString()).toBe(
      rangeFor(document, createLocator(whole).locate(clause)!).toString(),
    );
  });

  it('when the snapshot callback returns a promise, indexing waits for it (in slices) before going on', async () => {
    load(paragraphs(400));
    let release!: () => void;
    const released = new Promise<void>((r) => (release = r));
    let top: TextIndex | null = null;
    let finished = false;
    const env = { now: () => 0, yieldToHost: () => Promise.resolve() };
    const indexing = runSliced(
      indexTextSliced(document.body, {
        snapshotAt: 2_000,
        onSnapshot: (t) => {
          top = t;
          return released;
        },
      }),
      { env },
    ).then((whole) => {
      finished = true;
      return whole;
    });
    for (let i = 0; i < 20; i++) await Promise.resolve();
    expect(top).not.toBeNull();
    expect(finished).toBe(false);
    release();
    const whole = await indexing;
    expect(whole.text.startsWith(top!.text)).toBe(true);
    expect(whole.text.length).toBeGreaterThan(top!.text.length * 4);
  });

  it('is the whole index on a page shorter than the snapshot point', () => {
    load(paragraphs(3));
    const snapshots: TextIndex[] = [];
    const whole = indexText(document.body, {
      snapshotAt: 100_000,
      onSnapshot: (t) => void snapshots.push(t),
    });
    expect(snapshots).toEqual([whole]);
  });
});
