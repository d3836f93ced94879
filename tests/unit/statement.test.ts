/**
 * What a clause is: statements only (lib/extract/statement.ts, lib/extract/blocks.ts). Team-written snippets
 * in the shapes real pages use: numbered and question headings, contents lists, "Learn more" links, table
 * label cells.
 */
import { describe, expect, it } from 'vitest';
import { classifyClauses } from '../../lib/classify';
import { extractPolicy } from '../../lib/extract';
import { extractText } from '../../lib/extract';
import {
  hasVerb,
  isForeignPassage,
  isHeadingLine,
  isOpenLeadIn,
  isQuestion,
  isStatement,
} from '../../lib/extract/statement';
import { parseHtml } from '../../scripts/parse-html';

const page = (body: string) =>
  parseHtml(`<!doctype html><html lang="en"><head><title>Privacy Policy</title></head><body><main>
  <h1>Privacy Policy</h1>
  <p>This policy explains what Acme does with the personal data of people who use the Acme app and website.
  We wrote it to be read in full, and we keep it short on purpose.</p>
  ${body}
  </main></body></html>`);

const texts = (body: string) => extractPolicy(page(body)).clauses.map((c) => c.text);

describe('isStatement', () => {
  it.each([
    ['We may share your data with partners.', true],
    ['Personal information does not include de-identified data.', true],
    ['Data collected automatically when you visit.', true],
    ['Service providers', false],
    ['Table of contents', false],
    ['Welcome to Acme!', false],
    ['Identifiers such as your name and e-mail address', false],
  ])('sentence %s → %s', (text, expected) => {
    expect(isStatement(text, 'sentence')).toBe(expected);
  });

  it.each([
    // Headings written as text: title case, numbered, "How…" without a stop, noun phrases.
    ['Changes to This Privacy Policy', false],
    ['4.3 Disclosure in the Event of Merger, Sale, or Other Asset Transfers', false],
    ['INTERNATIONAL TRANSFERS', false],
    ['Other Users May View and Share Content You Post.', false],
    ['3.5 As a result of a change in ownership.', false],
    ['How we disclose information', false],
    ['Direct marketing.', false],
    ['Transfer of Data', false],
    ['Right to restriction of processing (Article 18 of the GDPR)', false],
    ['Device advertising settings.', false],
    ['Learn more about advertising.', false],
    ['Last update: 25 October, 2021', false],
    ['Do Not Sell or Share My Personal Information', false],
    // Short statements keep their mark.
    ['WE MAY CHANGE THESE TERMS AT ANY TIME.', true],
    ['Some U.S. state privacy laws require specific disclosures.', true],
    ['The following provisions apply to arbitration.', true],
    ['Retain your payment card information.', true],
    ['Data sold to brokers.', true],
    ['We support Do Not Track.', true],
    ['When you use our Services, you acknowledge and agree:', true],
    ['Object to our processing of your Personal Data for direct marketing.', true],
    ['Learn more about how we use your content to train our models.', true],
  ])('short unit %s → %s', (text, expected) => {
    expect(isStatement(text, 'sentence')).toBe(expected);
  });

  it('tells a heading line from a sentence in capitals', () => {
    expect(isHeadingLine('CHANGES TO THIS POLICY')).toBe(true);
    expect(isHeadingLine('WE DO NOT SELL YOUR DATA.')).toBe(false);
  });

  it('does not mark a passage in another language inside an English page', () => {
    const polish =
      'Jeśli użytkownik pobrał naszą aplikację z Google Play, musi również korzystać z aplikacji.';
    expect(isForeignPassage(polish)).toBe(true);
    expect(isStatement(polish, 'sentence')).toBe(false);
    expect(isForeignPassage('We share your data with the partners listed below.')).toBe(false);
  });

  it('a question is never a statement', () => {
    expect(isQuestion('How do we share your information?')).toBe(true);
    expect(isStatement('How do we share your information?', 'sentence')).toBe(false);
    expect(isStatement('Do we sell data? ', 'list-item', 'We answer:')).toBe(false);
  });

  it('a verbless list item borrows the verb of an open lead-in only', () => {
    expect(isOpenLeadIn('We share your data with:')).toBe(true);
    expect(isOpenLeadIn('We use your information to provide, including')).toBe(true);
    expect(isOpenLeadIn('Contents')).toBe(false);
    expect(isStatement('Advertising partners', 'list-item', 'We share your data with:')).toBe(true);
    expect(isStatement('Data retention', 'list-item', 'Contents')).toBe(false);
    expect(isStatement('Information we collect', 'list-item')).toBe(true); // "we collect": has a verb
    expect(isStatement('Research and development', 'list-item')).toBe(false);
  });

  it.each([
    // An aside in brackets lends no verb: the unit's own words need one.
    ['Brightdesk Ltd (support tool)', false],
    ['Mail data – facts about your reading of our newsletters (e.g. open rates, click rates).', false],
    ['Orders placed (we keep them for six years).', true],
    // "-ing" with "of" or after a determiner is a noun.
    [
      'Review of sales, monitoring of app usage, building of customer segments, and tailoring of our newsletters and coupons for you.',
      false,
    ],
    [
      'Usage facts – details about your visits, such as pages viewed and our marketing messages you opened.',
      true,
    ],
    // A bare base form closing the unit is a noun, unless a plural or adverb stands before it.
    ['Guardian details – for parental consent.', false],
    ['Other restrictions apply.', true],
    ['The shop terms also apply.', true],
    ['Examples of your content include:', true],
    // "Why / How / What …:" labels the paragraph below; a subordinate clause opens a sentence.
    ['Why and how we use your details:', false],
    ['When you sign up, we collect:', true],
  ])('unit shape %s → %s', (text, expected) => {
    expect(isStatement(text, 'sentence')).toBe(expected);
  });

  it('a table row read whole needs no verb of its own', () => {
    expect(isStatement('Identifiers | Service providers', 'row')).toBe(true);
  });

  it('finds inflected and irregular verbs', () => {
    for (const t of ['it was sold', 'data transferred abroad', 'kept for 30 days', 'pseudonymised records'])
      expect(hasVerb(t), t).toBe(true);
  });
});

describe('clauses of a page', () => {
  it('keeps a verbless unit in the record of the text, but never labels it', () => {
    const r = extractPolicy(
      page(
        `<p>Welcome to Acme, the app for everyone!</p><p>We share your contact details with advertisers.</p>`,
      ),
    );
    const welcome = r.clauses.find((c) => c.text.startsWith('Welcome'));
    expect(welcome?.statement).toBe(false);
    expect(classifyClauses(r.clauses).find((c) => c.id === welcome!.id)?.labels).toEqual([]);
    expect(r.clauses.find((c) => c.text.startsWith('We share'))?.statement).toBeUndefined();
  });

  it('leaves out link-only and button text: "Learn more", a contents list of links', () => {
    const out = texts(`
      <ul><li><a href="#a">Information we collect</a></li><li><a href="#b">How we share information</a></li></ul>
      <p>We share your contact details with advertising partners. <a href="/ads">Learn more</a></p>
      <p><a href="/ads">Learn more about how we share data</a></p>
      <div role="button">Accept all and share my data</div>`);
    expect(out).toContain('We share your contact details with advertising partners.');
    // The trailing link is a sentence of its own to ICU: kept in the text, never marked.
    const r = extractPolicy(
      page(`<p>We share your contact details with partners. <a href="/x">Learn more</a></p>`),
    );
    expect(r.clauses.find((c) => c.text === 'Learn more')?.statement).toBe(false);
    expect(out.some((t) => /^Learn more about/.test(t))).toBe(false);
    expect(out.some((t) => /Information we collect|How we share information/.test(t))).toBe(false);
    expect(out.some((t) => /Accept all/.test(t))).toBe(false);
  });

  it('leaves out a link that is a sentence of its own inside a paragraph, keeping the sentences around it', () => {
    const out = texts(`
      <p>We may share your searches with partners. <a href="/p">Find out more about how we share your searches with them.</a> By searching, you ask us to do so.</p>
      <p><a href="/q">Learn how partners use your data.</a> We never sell it.</p>
      <p>Read <a href="/r">our partner list</a> before you search.</p>`);
    expect(out).toContain('We may share your searches with partners.');
    expect(out).toContain('By searching, you ask us to do so.');
    expect(out).toContain('We never sell it.');
    expect(out.some((t) => /Find out more|Learn how partners/.test(t))).toBe(false);
    // A link inside a sentence stays part of it.
    expect(out).toContain('Read our partner list before you search.');
  });

  it('reads a numbered title line or a question on its own as a heading, not a clause', () => {
    const r = extractPolicy(
      page(`
      <p>3. Sharing Your Information</p>
      <p>How do we share your information?</p>
      <p>We share your data with service providers who host our app.</p>`),
    );
    const share = r.clauses.find((c) => c.text.startsWith('We share your data'));
    expect(share?.headingPath.slice(-2)).toEqual([
      '3. Sharing Your Information',
      'How do we share your information?',
    ]);
    expect(r.clauses.map((c) => c.text)).not.toContain('3. Sharing Your Information');
    expect(r.clauses.map((c) => c.text)).not.toContain('How do we share your information?');
  });

  it('drops contents lines that repeat the headings, even without links', () => {
    const out = texts(`
      <ol><li>Information we collect</li><li>How we use information</li></ol>
      <h2>Information we collect</h2><p>We collect your name and e-mail address.</p>
      <h2>How we use information</h2><p>We use your e-mail address to send receipts.</p>`);
    expect(out).not.toContain('Information we collect');
    expect(out).not.toContain('How we use information');
    expect(out).toContain('We use your e-mail address to send receipts.');
  });

  it('reads a table without <th> by its first row as header, and never a label cell alone', () => {
    const out = extractPolicy(
      page(`<table>
        <tr><td>Category</td><td>Disclosed to</td></tr>
        <tr><td>Identifiers</td><td>Service providers</td></tr>
        <tr><td>Commercial information</td><td>Service providers; advertising partners</td></tr>
      </table>`),
    ).clauses;
    const rows = out.filter((c) => c.unit === 'cell');
    expect(rows.map((c) => c.text)).toEqual([
      'Identifiers | Service providers',
      'Commercial information | Service providers; advertising partners',
    ]);
    expect(rows.every((c) => c.leadIn === 'Category | Disclosed to')).toBe(true);
  });

  it('reads a long row cell by cell, keeping only cells that state something', () => {
    const long = 'We use your purchase history to recommend products you may like. '.repeat(10).trim();
    const out = extractPolicy(
      page(`<table><thead><tr><th>Purpose</th><th>What we do</th></tr></thead>
        <tr><td>Recommendations</td><td>${long}</td></tr></table>`),
    ).clauses;
    // The label cell stays in the record of the text, never marked.
    expect(out.find((c) => c.text === 'Recommendations')?.statement).toBe(false);
    const cells = out.filter((c) => c.unit === 'cell' && c.statement !== false);
    expect(cells.length).toBe(10);
    expect(cells[0]!.leadIn).toBe('Purpose | What we do');
  });
});

describe('clauses of a Markdown document', () => {
  it('reads Setext and indented headings as headings and never paints link-only list items', () => {
    const md = [
      '# Privacy Policy',
      '',
      '*   [Cross-Border Transfers](#transfers)',
      '*   [Delete your entire account](https://example.com/delete)',
      '',
      '4 How We Disclose Your Information',
      '==================================',
      '',
      'We disclose your contact details to advertising partners.',
      '',
      '*   Item one of a list',
      '',
      '    ### We disclose information to service providers.',
      '',
      '    We disclose your order history to the couriers who deliver it.',
    ].join('\n');
    const r = extractText(md, 'markdown');
    const texts = r.clauses.map((c) => c.text);
    // Kept (a version that adds or drops one is a change of the document), never a statement to paint.
    for (const link of ['Cross-Border Transfers', 'Delete your entire account'])
      expect(r.clauses.find((c) => c.text === link)?.statement).toBe(false);
    expect(texts.some((t) => t.includes('==='))).toBe(false);
    expect(texts.some((t) => t.includes('###'))).toBe(false);
    const disclose = r.clauses.find((c) => c.text.startsWith('We disclose your contact'));
    expect(disclose?.headingPath).toContain('4 How We Disclose Your Information');
    const order = r.clauses.find((c) => c.text.startsWith('We disclose your order'));
    expect(order?.headingPath).toContain('We disclose information to service providers.');
  });

  it('joins a sentence hard-wrapped with blank lines between its lines', () => {
    const md = [
      '# Terms',
      '',
      'Any use of the customer name',
      '',
      'in our brochures, fairs and',
      '',
      'online adverts needs the customer’s consent.',
      '',
      'Fees',
      '',
      'are due monthly.',
      '',
      'A new paragraph.',
    ].join('\n');
    expect(extractText(md, 'markdown').clauses.map((c) => c.text)).toEqual([
      'Any use of the customer name in our brochures, fairs and online adverts needs the customer’s consent.',
      'Fees are due monthly.',
      'A new paragraph.',
    ]);
  });

  it('joins a hard-wrapped sentence whose next line starts in capitals after a word no sentence ends on', () => {
    const md = [
      '# Terms',
      '',
      'For example, neither',
      '',
      'You nor Your Plug-ins may use the map data to train any models.',
      '',
      'Partners we work with',
      '',
      'We share your e-mail address with them.',
    ].join('\n');
    expect(extractText(md, 'markdown').clauses.map((c) => c.text)).toEqual([
      'For example, neither You nor Your Plug-ins may use the map data to train any models.',
      'Partners we work with',
      'We share your e-mail address with them.',
    ]);
  });

  it('reads a link whose text holds escaped brackets whole, never cutting the sentence at its address', () => {
    const r = extractText(
      '# P\n\nWe share data with [third parties\\[72\\]](https://x.example/?p=9.subpage.1-Why#note-72). We also keep it.',
      'markdown',
    );
    expect(r.clauses.map((c) => c.text)).toEqual([
      'We share data with third parties[72].',
      'We also keep it.',
    ]);
  });
});

describe('a list item that titles the list nested in it', () => {
  const outline = (title: string) =>
    page(`<ol><li>Accounts<ol><li>You must keep your password safe.</li></ol></li>
      <li>${title}<ol><li>You may not use the service to harass other people.</li>
      <li>We may suspend accounts that break these rules.</li></ol></li>
      <li>We may change these terms at any time.</li></ol>`);

  it('is a heading over its items, on a page and in Markdown, and closes with its list', () => {
    const r = extractPolicy(outline('Prohibited and restricted use'));
    expect(r.clauses.some((c) => c.text === 'Prohibited and restricted use')).toBe(false);
    const item = r.clauses.find((c) => c.text.startsWith('You may not use'))!;
    expect(item.headingPath?.at(-1)).toBe('Prohibited and restricted use');
    // The list ended: the next item is not under the title.
    const after = r.clauses.find((c) => c.text.startsWith('We may change'))!;
    expect(after.headingPath ?? []).not.toContain('Prohibited and restricted use');

    const md = [
      '# Terms',
      '',
      '1.  Accounts',
      '    1.  You must keep your password safe.',
      '2.  Prohibited and restricted use',
      '',
      '    1.  You may not use the service to harass other people.',
      '',
      'We may change these terms at any time.',
    ].join('\n');
    const m = extractText(md, 'markdown');
    expect(m.clauses.some((c) => c.text === 'Prohibited and restricted use')).toBe(false);
    expect(m.clauses.find((c) => c.text.startsWith('You may not use'))!.headingPath?.at(-1)).toBe(
      'Prohibited and restricted use',
    );
    expect(m.clauses.find((c) => c.text.startsWith('We may change'))!.headingPath ?? []).not.toContain(
      'Prohibited and restricted use',
    );
  });

  it.each([
    // A statement or an imperative stays a clause, nested list or not.
    'We share your data with these partners',
    'Provide and improve the Services',
    // An infinitive of purpose is completed by the list's lead-in.
    'To train and improve our models',
  ])('stays a clause: %s', (title) => {
    expect(extractPolicy(outline(title)).clauses.some((c) => c.text === title)).toBe(true);
  });

  it('an item that completes an open lead-in stays a clause', () => {
    const r = extractPolicy(
      page(`<p>We use your information for these purposes:</p>
        <ul><li>Product safety and security<ul><li>detecting fraud and abuse;</li></ul></li></ul>`),
    );
    expect(r.clauses.some((c) => c.text === 'Product safety and security')).toBe(true);
  });
});
