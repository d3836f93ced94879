// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { h, render, type ComponentChild } from 'preact';
import { DiffView } from '../../components/DiffView';
import { Timeline } from '../../components/Timeline';
import { diffClauses } from '../../lib/diff';
import { VERSION_A, VERSION_B, makeClause } from '../fixtures/db/clauses';
import type { VersionMeta } from '../../lib/messages';

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
    const root = mount(h(DiffView, { diff, headline: 'Example: AI-training clause added since 19 Sep' }));
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
    const root = mount(h(DiffView, { diff }));
    expect(root.querySelector('img')).toBeNull();
    expect(root.textContent).toContain(evil);
  });

  it('says when nothing changed', () => {
    const root = mount(h(DiffView, { diff: diffClauses(VERSION_A, VERSION_A) }));
    expect(root.textContent).toContain('No clause changed');
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
});
