// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { h, render, type ComponentChild } from 'preact';
import { DiffView, diffViewLabels } from '../../components/DiffView';
import { Timeline } from '../../components/Timeline';
import { diffClauses } from '../../lib/diff';
import { VERSION_A, VERSION_B, makeClause } from '../fixtures/db/clauses';
import type { VersionMeta } from '../../lib/store/repository';
import { categoryNameKey, createTranslator, getMessageFromCatalogue, type Translate } from '../../lib/i18n';

const translator = (locale: string) =>
  createTranslator(
    getMessageFromCatalogue(
      JSON.parse(readFileSync(resolve(__dirname, `../../public/_locales/${locale}/messages.json`), 'utf8')),
    ),
  );
const t = translator('en');
const tDe = translator('de');
/** What the history page passes besides the diff. */
const texts = (tr: Translate) => ({
  categoryName: (id: Parameters<typeof categoryNameKey>[0]) => tr(categoryNameKey(id)),
  labels: diffViewLabels(tr),
});
const KEY_LIKE = /\b(?:popup|history|diff|timeline|cat)_[a-z_]+\b/;
/** Visible text and accessible names, to check no untranslated key shows through. */
const allText = (root: HTMLElement) =>
  [
    root.textContent ?? '',
    ...[...root.querySelectorAll('[aria-label]')].map((e) => e.getAttribute('aria-label')),
  ].join('\n');

function mount(vnode: ComponentChild): HTMLElement {
  const root = document.createElement('div');
  document.body.append(root);
  render(vnode, root);
  return root;
}

describe('DiffView', () => {
  it('renders added, removed and reworded clauses with word marks and a category summary', () => {
    const before = [
      ...VERSION_A,
      makeClause(9, 'We delete logs after 30 days.', [['data-retention', 'permits']]),
    ];
    const after = [
      ...VERSION_B.map((c) =>
        c.id === 'c2'
          ? { ...c, text: 'You may opt out of marketing emails and AI training at any time.' }
          : c,
      ),
    ];
    const diff = diffClauses(before, after);
    const root = mount(
      h(DiffView, { diff, headline: 'Example: AI-training clause added since 19 Sep', ...texts(t) }),
    );
    const section = (k: string) => root.querySelector(`[data-section="${k}"]`);
    expect(section('added')?.querySelectorAll('.dv-list > li')).toHaveLength(1);
    expect(section('removed')?.textContent).toContain('We delete logs after 30 days.');
    expect(section('modified')?.querySelector('ins')?.textContent).toContain('AI training');
    expect(root.querySelector('[data-category="ai-training"][data-direction="added"]')?.textContent).toMatch(
      /AI training: 1 added/,
    );
    expect(root.querySelector('.dv-headline')?.textContent).toBe(
      'Example: AI-training clause added since 19 Sep',
    );
  });

  it('renders page text as text, never as markup', () => {
    const evil = '<img src=x onerror="alert(1)"> We share data.';
    const diff = diffClauses([], [makeClause(1, evil)]);
    const root = mount(h(DiffView, { diff, ...texts(t) }));
    expect(root.querySelector('img')).toBeNull();
    expect(root.textContent).toContain(evil);
  });

  it('says when nothing changed', () => {
    const root = mount(h(DiffView, { diff: diffClauses(VERSION_A, VERSION_A), ...texts(t) }));
    expect(root.textContent).toContain('No clause changed');
  });

  it('takes every label from _locales: German renders German, no key shows through', () => {
    const before = [...VERSION_A];
    const after = VERSION_B.map((c) =>
      c.id === 'c2' ? { ...c, text: 'You may opt out of marketing emails and AI training at any time.' } : c,
    );
    const diff = diffClauses(before, after);
    const en = mount(h(DiffView, { diff, ...texts(t) }));
    expect(allText(en)).not.toMatch(KEY_LIKE);
    expect(en.querySelector('[data-section="modified"] ins .visually-hidden')?.textContent).toBe('added: ');
    const de = mount(h(DiffView, { diff, ...texts(tDe) }));
    expect(allText(de)).not.toMatch(KEY_LIKE);
    expect(de.querySelector('[data-section="modified"] h3')?.textContent).toContain('Umformuliert');
    expect(de.querySelector('[data-section="modified"] ins .visually-hidden')?.textContent).toBe(
      'hinzugefügt: ',
    );
    expect(de.querySelector('[data-category="ai-training"][data-direction="added"]')?.textContent).toMatch(
      /KI-Training: 1 hinzugefügt/,
    );
    const none = mount(h(DiffView, { diff: diffClauses(VERSION_A, VERSION_A), ...texts(tDe) }));
    expect(none.textContent).toBe('Zwischen diesen Versionen hat sich keine Klausel geändert.');
  });
});

describe('Timeline', () => {
  const v = (id: number, firstSeen: number): VersionMeta => ({
    id,
    url: 'https://e.com/p',
    hash: `h${id}`,
    title: 'T',
    firstSeen,
    lastSeen: firstSeen,
    source: 'visit',
    clauseCount: 10,
    labelledCount: 2,
  });

  it('lists versions with labelled radio choices and reports the chosen pair', () => {
    const picks: [number, number][] = [];
    const root = mount(
      h(Timeline, {
        t,
        versions: [v(1, 0), v(2, 86_400_000), v(3, 2 * 86_400_000)],
        seenVersionId: 1,
        from: 1,
        to: 3,
        onSelect: (a: number, b: number) => picks.push([a, b]),
      }),
    );
    expect(root.querySelectorAll('li')).toHaveLength(3);
    expect(root.querySelector('li[aria-current="true"]')?.getAttribute('data-version-id')).toBe('1');
    const from2 = root.querySelectorAll<HTMLInputElement>('input[name="tl-from"]')[1]!;
    expect(from2.closest('label')?.textContent).toContain('from');
    from2.click();
    expect(picks).toEqual([[2, 3]]);
    // The oldest version cannot be a "to", the newest cannot be a "from".
    expect(root.querySelectorAll<HTMLInputElement>('input[name="tl-to"]')[0]!.disabled).toBe(true);
    expect(root.querySelectorAll<HTMLInputElement>('input[name="tl-from"]')[2]!.disabled).toBe(true);
  });

  it('takes its labels from _locales', () => {
    const root = mount(
      h(Timeline, {
        t: tDe,
        versions: [v(1, 0), { ...v(2, 86_400_000), source: 'recheck' }],
        seenVersionId: 1,
        from: 1,
        to: 2,
        onSelect: () => {},
      }),
    );
    expect(allText(root)).not.toMatch(KEY_LIKE);
    expect(root.querySelector('legend')?.textContent).toBe('Versionen (2) – wählen Sie zwei zum Vergleichen');
    expect(root.querySelectorAll('.tl-meta')[0]?.textContent).toBe(
      '10 Klauseln, 2 markiert, die zuletzt von Ihnen gesehene Version',
    );
    expect(root.querySelectorAll('.tl-meta')[1]?.textContent).toBe(
      '10 Klauseln, 2 markiert, bei erneuter Prüfung gefunden',
    );
    expect(
      mount(h(Timeline, { t, versions: [], seenVersionId: null, from: null, to: null, onSelect: () => {} }))
        .textContent,
    ).toBe('No stored versions.');
  });
});

describe('DiffView with page-supplied or unknown data', () => {
  it('shows the headline isolated, and leaves out a category it does not know', () => {
    const odd = makeClause(9, 'We may read your thoughts.', [['ai-training', 'permits']]);
    (odd.labels[0] as { category: string }).category = 'mind-reading';
    const diff = diffClauses(VERSION_A, [...VERSION_A, odd]);
    const root = mount(
      h(DiffView, { diff, headline: '\u202eylimaF lapyaP: text changed since 3 May', ...texts(t) }),
    );
    expect(root.querySelector('.dv-headline > bdi')?.textContent).toContain('lapyaP');
    expect(root.querySelector('[data-category="mind-reading"]')).toBeNull();
    expect(root.querySelector('[data-section="added"] ins')?.textContent).toBe('We may read your thoughts.');
  });
});
