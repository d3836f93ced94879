import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { collectBlocks } from '../../lib/extract/blocks';
import { blocksFromMarkdown } from '../../lib/extract/markdown';
import { hashText, normaliseForId } from '../../lib/extract/clause-id';
import { clausesFromBlocks, extractBlocks, extractPolicy, extractText } from '../../lib/extract';
import { parseHtml } from '../../scripts/parse-html';

const page = (name: string) => parseHtml(readFileSync(`tests/fixtures/pages/${name}`, 'utf8'));

describe('extractPolicy on the structure fixture', () => {
  const result = extractPolicy(page('structure.html'));
  const byText = (t: string) => result.clauses.find((c) => c.text === t);

  it('reads English, with a title, from Readability', () => {
    expect(result.language).toBe('en');
    expect(result.title).toMatch(/Privacy Notice/);
    expect(result.unsupported).toBeUndefined();
  });

  it('splits sentences around abbreviations correctly', () => {
    expect(
      byText(
        'Example Structures Inc. and its affiliates in the U.S. and the E.U. process personal data as described here.',
      ),
    ).toBeDefined();
    expect(byText('See Sec. 4 for details, e.g. the list of providers.')).toBeDefined();
    expect(byText('We share data with No. 1 Hosting Ltd. and with payment providers.')).toBeDefined();
  });

  it('keeps list items whole with their lead-in; nested items get the parent item as lead-in', () => {
    const contact = byText('Contact data:');
    expect(contact).toMatchObject({ unit: 'list-item', leadIn: 'We collect the following data:' });
    expect(byText('your name;')).toMatchObject({ unit: 'list-item', leadIn: 'Contact data:' });
    expect(byText('Usage data, i.e. the pages you view.')).toMatchObject({
      leadIn: 'We collect the following data:',
    });
  });

  it('records the heading path, including bold pseudo-headings, and joins it with " › "', () => {
    expect(byText('your name;')?.headingPath).toEqual(['1. Data we collect']);
    const backup = byText('Backups are encrypted.');
    expect(backup?.headingPath).toEqual(['2. Retention', '2.1 Backups']);
    expect(backup?.section).toBe('2. Retention › 2.1 Backups');
    expect(byText('They are stored in the EU.')?.section).toBe('2. Retention › 2.1 Backups');
  });

  it('reads each table row whole, with the header row as its context, never a header or label cell alone', () => {
    expect(
      byText('Account data | Until you delete your account. After that we keep a backup for 30 days.'),
    ).toMatchObject({ unit: 'cell', leadIn: 'Data | How long we keep it' });
    expect(byText('Logs | 90 days')).toMatchObject({ unit: 'cell', leadIn: 'Data | How long we keep it' });
    for (const label of ['Data', 'How long we keep it', 'Account data', 'Logs', '90 days'])
      expect(byText(label), label).toBeUndefined();
  });

  it('drops navigation and footer chrome', () => {
    expect(result.clauses.some((c) => /Home|© 2026/.test(c.text))).toBe(false);
  });

  it('gives repeated texts distinct ids with an occurrence suffix', () => {
    const dupes = result.clauses.filter((c) => c.text === 'We do not sell personal data.');
    expect(dupes).toHaveLength(2);
    expect(dupes[1]!.id).toBe(`${dupes[0]!.id}-2`);
    expect(new Set(result.clauses.map((c) => c.id)).size).toBe(result.clauses.length);
  });

  it('block indices follow document order', () => {
    const blocks = result.clauses.map((c) => c.block);
    expect(blocks).toEqual([...blocks].sort((a, b) => a - b));
  });
});

describe('clause ids', () => {
  it('are stable across runs and independent of position', () => {
    const a = extractPolicy(page('structure.html'));
    const b = extractPolicy(page('structure.html'));
    expect(b.clauses.map((c) => c.id)).toEqual(a.clauses.map((c) => c.id));
    const shifted = parseHtml(
      readFileSync('tests/fixtures/pages/structure.html', 'utf8').replace(
        '<h2>1. Data we collect</h2>',
        '<p>A brand new opening paragraph was added here.</p><h2>1. Data we collect</h2>',
      ),
    );
    const c = extractPolicy(shifted);
    const id = (r: typeof a, t: string) => r.clauses.find((x) => x.text === t)?.id;
    expect(id(c, 'your name;')).toBe(id(a, 'your name;'));
    expect(id(c, 'Backups are encrypted.')).toBe(id(a, 'Backups are encrypted.'));
  });

  it('ignore case, quote style and whitespace but not wording', () => {
    expect(normaliseForId('We  don’t sell\ndata')).toBe(normaliseForId("we don't sell data"));
    expect(hashText(normaliseForId('We sell data'))).not.toBe(
      hashText(normaliseForId('We do not sell data')),
    );
    expect(hashText('abc')).toMatch(/^[0-9a-f]{13}$/);
  });
});

describe('extraction safety and fallbacks', () => {
  it('never modifies the live document', () => {
    const doc = page('structure.html');
    const before = doc.documentElement.textContent;
    const count = doc.querySelectorAll('*').length;
    extractPolicy(doc);
    expect(doc.documentElement.textContent).toBe(before);
    expect(doc.querySelectorAll('*').length).toBe(count);
  });

  it('falls back to main/body when Readability refuses (too many elements) and still finds the text', () => {
    const doc = page('structure.html');
    const b = extractBlocks(doc, { maxElemsToParse: 5 });
    expect(b.source).toBe('fallback');
    expect(b.blocks.some((x) => x.text.includes('Backups are encrypted.'))).toBe(true);
    expect(b.blocks.some((x) => x.text === 'Home')).toBe(false);
  });

  it('falls back on short pages Readability does not consider articles', () => {
    const doc = parseHtml(
      '<html><body><div><p>We collect your e-mail address.</p><p>We do not sell it.</p></div></body></html>',
    );
    const r = extractPolicy(doc);
    expect(r.clauses.map((c) => c.text)).toEqual(['We collect your e-mail address.', 'We do not sell it.']);
  });

  it('reports non-English policies as unsupported with no clauses', () => {
    for (const [file, lang] of [
      ['french-policy.html', 'fr'],
      ['german-policy.html', 'de'],
    ] as const) {
      const r = extractPolicy(page(file));
      expect(r.language).toBe(lang);
      expect(r.clauses).toEqual([]);
      expect(r.unsupported?.reason).toBe('language');
      expect(r.unsupported?.message).toMatch(/English/);
    }
  });

  it('reports an empty page as unsupported: empty', () => {
    expect(extractPolicy(parseHtml('<html><body></body></html>')).unsupported?.reason).toBe('empty');
    expect(extractPolicy(parseHtml('<html><body><p>  </p><p>•</p></body></html>')).unsupported?.reason).toBe(
      'empty',
    );
  });

  it('stops at the character budget and says so', () => {
    const doc = parseHtml(
      `<html><body><main>${'<p>We collect your data for reasons.</p>'.repeat(2000)}</main></body></html>`,
    );
    const r = extractPolicy(doc, { maxChars: 5000 });
    expect(r.truncated).toBe(true);
    expect(r.clauses.length).toBeLessThan(200);
    expect(r.clauses.length).toBeGreaterThan(50);
  });
});

describe('collectBlocks', () => {
  it('gives text around a nested block to the enclosing block', () => {
    const doc = parseHtml('<body><div>Intro text<p>Inner paragraph.</p>tail text</div></body>');
    expect(collectBlocks(doc.body).blocks.map((b) => b.text)).toEqual([
      'Intro text',
      'Inner paragraph.',
      'tail text',
    ]);
  });

  it('pops the heading stack on a same-or-higher level heading', () => {
    const doc = parseHtml('<body><h2>A</h2><h3>A.1</h3><p>x y</p><h2>B</h2><p>z w</p></body>');
    const blocks = collectBlocks(doc.body).blocks.filter((b) => b.kind === 'paragraph');
    expect(blocks.map((b) => b.headingPath)).toEqual([['A', 'A.1'], ['B']]);
  });

  it('leads a list nested in an item in by that item, and one in an item without text by the outer lead-in', () => {
    const doc = parseHtml(
      '<body><p>We use what you give us to:</p><ul><li>Run the app.</li><li>Improve it, for example:<ul>' +
        '<li>test new screens.</li></ul></li><li><ul><li>answer your questions.</li></ul></li></ul></body>',
    );
    const leadOf = (text: string) => collectBlocks(doc.body).blocks.find((b) => b.text === text)?.leadIn;
    expect(leadOf('test new screens.')).toBe('Improve it, for example:');
    // Not the sibling item before it ("Run the app."), which introduces nothing.
    expect(leadOf('answer your questions.')).toBe('We use what you give us to:');
  });
});

describe('reading and cutting apart (content script reads, background cuts)', () => {
  it('blocks read on one side and cut on the other give what extractPolicy gives, through JSON', () => {
    const read = extractBlocks(page('structure.html'));
    const { unsupported: _none, ...sent } = JSON.parse(JSON.stringify(read)) as typeof read;
    expect(_none).toBeUndefined();
    expect(clausesFromBlocks(sent)).toEqual(extractPolicy(page('structure.html')));
  });

  it('stops one enormous block at the character budget, and says the page was truncated', () => {
    const doc = parseHtml(`<body><p>${'word '.repeat(5_000)}</p><p>after</p></body>`);
    const { blocks, truncated } = collectBlocks(doc.body, { maxChars: 1_000 });
    expect(truncated).toBe(true);
    expect(blocks).toHaveLength(1);
    expect(blocks[0]!.text.length).toBe(1_000);
  });

  it('reads a role="heading" level as a whole number from 1 to 9, else 2', () => {
    const levels = ['3', '12', '-1', '2.5', 'x'].map((aria) => {
      const doc = parseHtml(
        `<body><div role="heading" aria-level="${aria}">Sharing</div><p>We share data.</p></body>`,
      );
      return collectBlocks(doc.body).blocks[0]!.level;
    });
    expect(levels).toEqual([3, 9, 2, 2, 2]);
  });
});

describe('Markdown and text input', () => {
  // Team-written Markdown.
  const md = `# Example Terms

Intro paragraph that spans
two lines.

## 1. Your content

You may not:

- copy the service;
- use **scrapers** to train [models](https://x.example);
  including bots.
  - nested rule

| Data | Kept |
|------|------|
| Logs | 90 days |
`;

  it('reads headings, lists with lead-ins and nesting, tables and inline markup', () => {
    const { blocks } = blocksFromMarkdown(md);
    const items = blocks.filter((b) => b.kind === 'list-item');
    expect(items.map((b) => b.text)).toEqual([
      'copy the service;',
      'use scrapers to train models; including bots.',
      'nested rule',
    ]);
    expect(items[0]).toMatchObject({
      leadIn: 'You may not:',
      headingPath: ['Example Terms', '1. Your content'],
    });
    expect(items[2]!.leadIn).toBe('use scrapers to train models; including bots.');
    expect(blocks.find((b) => b.kind === 'paragraph')?.text).toBe('Intro paragraph that spans two lines.');
    // The header row is the context of the rows below it; each row is read whole.
    expect(blocks.filter((b) => b.kind === 'cell')).toEqual([
      {
        kind: 'cell',
        text: 'Logs | 90 days',
        row: true,
        leadIn: 'Data | Kept',
        headingPath: expect.any(Array),
      },
    ]);
  });

  it('an empty header row leaves the bold row under it as the header, and no earlier header leaks in', () => {
    // Team-written: converters write an HTML table's header as the first body row, in bold.
    const two = `| Kind | Kept |
|---|---|
| Logs | 90 days |

|     |     |
| --- | --- |
| **Recipient** | **Why** |
| Couriers | We give couriers your address so they can deliver. |
| **Region** | **Safeguard** |
| United States | Standard contractual clauses |
`;
    const cells = blocksFromMarkdown(two).blocks.filter((b) => b.kind === 'cell');
    expect(cells.map((b) => [b.text, b.leadIn])).toEqual([
      ['Logs | 90 days', 'Kind | Kept'],
      ['Couriers | We give couriers your address so they can deliver.', 'Recipient | Why'],
      ['United States | Standard contractual clauses', 'Region | Safeguard'],
    ]);
    // Long header cells and a footnote mark after a bold run are still a header row.
    const long = blocksFromMarkdown(
      `| | |\n| --- | --- |\n| **Kinds of recipient to whom we pass the details of your purchases for advertising** | **Who we share it with****1** |\n| Ad networks | We pass them your order history. |\n`,
    );
    expect(long.blocks.filter((b) => b.kind === 'cell').map((b) => b.text)).toEqual([
      'Ad networks | We pass them your order history.',
    ]);
    // A table with no header at all takes none from the table before it.
    const bare = blocksFromMarkdown(
      `| A | B |\n|---|---|\n| x | y |\n\n| | |\n|---|---|\n| We keep logs. | 90 days |\n`,
    );
    expect(bare.blocks.filter((b) => b.kind === 'cell').at(-1)?.leadIn).toBeUndefined();
  });

  it('a heading drawn inside a cell loses its marks and titles the text after it', () => {
    const { blocks } = blocksFromMarkdown(
      '| | |\n| --- | --- |\n| ##### Payments<br><br>We share your card number with our payment firm. | Card data |\n| # | Step |\n',
    );
    const texts = blocks.filter((b) => b.kind === 'cell').map((b) => b.text);
    expect(texts[0]).toBe('Payments: We share your card number with our payment firm. | Card data');
    // A lone "#" (a number column) is no heading.
    expect(texts[1]).toBe('# | Step');
  });

  it('extractText returns clauses with sections', () => {
    const r = extractText(md, 'markdown');
    expect(r.title).toBe('Example Terms');
    expect(r.source).toBe('markdown');
    expect(r.clauses.find((c) => c.text === 'copy the service;')?.section).toBe(
      'Example Terms › 1. Your content',
    );
  });

  it('plain text: short unpunctuated lines before a blank line are headings', () => {
    const r = extractText(
      'Data We Collect\n\nWe collect your name. We keep it safe.\n\nSharing\n\nWe do not sell data.',
      'text',
    );
    expect(r.clauses.map((c) => [c.section, c.text])).toEqual([
      ['Data We Collect', 'We collect your name.'],
      ['Data We Collect', 'We keep it safe.'],
      ['Sharing', 'We do not sell data.'],
    ]);
  });
});

describe('collapsed sections', () => {
  // Team-written accordion: a button controls a hidden panel; a closed <details> holds another section.
  const html = `<html lang="en"><head><title>Terms of Service</title></head><body><main><h1>Terms of Service</h1>
    <p>These terms apply to the service we provide to you. By using the service you agree to them.</p>
    <button type="button" aria-expanded="false" aria-controls="p1">1. Your content</button>
    <div id="p1" hidden><p>We may use the photos you upload to train our machine learning models.</p></div>
    <details><summary>2. Disputes</summary><p>Disputes are resolved by binding arbitration.</p></details>
    </main></body></html>`;

  it('by default reads what is on screen (the hidden accordion panel is skipped)', () => {
    const texts = extractPolicy(parseHtml(html)).clauses.map((c) => c.text);
    expect(texts).not.toContain('We may use the photos you upload to train our machine learning models.');
  });

  it('with includeCollapsed reads hidden panels under their button label, and closed <details>', () => {
    const doc = parseHtml(html);
    const before = doc.documentElement.textContent;
    const r = extractPolicy(doc, { includeCollapsed: true });
    const byText = (t: string) => r.clauses.find((c) => c.text === t);
    expect(byText('We may use the photos you upload to train our machine learning models.')?.section).toBe(
      '1. Your content',
    );
    expect(byText('Disputes are resolved by binding arbitration.')).toBeDefined();
    expect(doc.documentElement.textContent).toBe(before);
    expect(doc.getElementById('p1')?.hasAttribute('hidden')).toBe(true);
  });
});

describe('unrecognised languages', () => {
  it('a long text in a language without a stopword list (Turkish) is unsupported, not classified as English', () => {
    // Team-written Turkish sentences.
    const tr =
      'Hesap oluşturduğunuzda bize verdiğiniz bilgileri topluyoruz ve bunları hizmeti sağlamak için kullanıyoruz. ';
    const r = extractText(tr.repeat(20), 'text');
    expect(r.unsupported?.reason).toBe('language');
    expect(r.clauses).toEqual([]);
  });

  it('a short text without known words stays "und" and is still read', () => {
    const r = extractText('Cookie _ga is kept 2 years. Cookie _gid is kept 24 hours.', 'text');
    expect(r.language).toBe('und');
    expect(r.clauses.length).toBe(2);
  });
});
