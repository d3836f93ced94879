// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ClauseCard, type ClauseCardProps } from '../../components/ClauseCard';
import { SummaryBar, type SummaryBarProps } from '../../components/SummaryBar';
import type { AnalysedClause, Label } from '../../lib/types';
import { createTranslator, getMessageFromCatalogue, type Translate } from '../../lib/i18n';

const catalogue = (locale: string) =>
  JSON.parse(readFileSync(resolve(__dirname, `../../public/_locales/${locale}/messages.json`), 'utf8'));
const t = createTranslator(getMessageFromCatalogue(catalogue('en')));
const tDe = createTranslator(getMessageFromCatalogue(catalogue('de')));
/** Every visible string and accessible name in the subtree, to check none is an untranslated key. */
const allText = (host: HTMLElement) =>
  [
    host.textContent ?? '',
    ...[...host.querySelectorAll('[aria-label],[title]')].flatMap((el) => [
      el.getAttribute('aria-label') ?? '',
      el.getAttribute('title') ?? '',
    ]),
  ].join('\n');
const KEY_LIKE = /\b(?:bar|card|popup|cat|catdesc)_[a-z_]+\b/;

// Team-written clause for these tests (invented wording).
function clause(label: Label, extra: Partial<AnalysedClause> = {}): AnalysedClause {
  return {
    id: 'c1',
    text: 'We do not use your messages to train our models.',
    section: 'AI',
    headingPath: ['AI'],
    block: 0,
    unit: 'sentence',
    labels: [label],
    explanation: 'This says your messages are not used to train AI models.',
    slots: {
      data: ['messages'],
      purposes: ['training AI models'],
      safeguards: [],
      choice: null,
      scope: [],
      default: null,
    },
    ...extra,
  };
}

const label = (stance: Label['stance'], category: Label['category'] = 'ai-training'): Label => ({
  category,
  stance,
  confidence: 0.87,
  evidence: {
    phrase: 'do not use your messages to train',
    rule: 'ai.negated',
    features: ['train models', 'not use'],
  },
});

function mount(el: preact.ComponentChild): HTMLElement {
  const host = document.createElement('div');
  document.body.append(host);
  act(() => render(el, host));
  return host;
}

afterEach(() => {
  document.body.replaceChildren();
});

function cardProps(over: Partial<ClauseCardProps> = {}): ClauseCardProps {
  const l = label('permits');
  return {
    t,
    clause: clause(l),
    primary: l,
    position: 2,
    total: 5,
    top: 10,
    left: 20,
    focusOnOpen: false,
    onClose: vi.fn(),
    onOpenReport: vi.fn(),
    onNext: vi.fn(),
    onPrev: vi.fn(),
    ...over,
  };
}

describe('ClauseCard', () => {
  it('is a labelled dialog with the explanation, slots, evidence and position', () => {
    const host = mount(<ClauseCard {...cardProps()} />);
    const dialog = host.querySelector('[role="dialog"]')!;
    const title = host.querySelector(`#${dialog.getAttribute('aria-labelledby')}`)!;
    expect(title.textContent).toContain('AI training');
    // Written from the label and slots in the UI language, not the stored English sentence.
    expect(host.querySelector(`#${dialog.getAttribute('aria-describedby')}`)!.textContent).toBe(
      'This says your messages may be used to train AI models.',
    );
    expect([...host.querySelectorAll('dt')].map((d) => d.textContent)).toEqual(['Data', 'Purposes']);
    expect(host.textContent).toContain('do not use your messages to train');
    expect(host.textContent).toContain('train models, not use');
    expect(host.textContent).toContain('2 of 5');
  });

  it('shows a "denies" clause as a reassurance, not a warning', () => {
    const warn = mount(<ClauseCard {...cardProps()} />);
    const l = label('denies');
    const calm = mount(<ClauseCard {...cardProps({ clause: clause(l), primary: l })} />);
    expect(warn.querySelector('.fp-card')!.className).toContain('fp-tone-warn');
    expect(calm.querySelector('.fp-card')!.className).toContain('fp-tone-reassure');
    expect(calm.textContent).toContain('Reassurance');
    expect(calm.querySelector('.fp-icon')!.textContent).toBe('✓');
    expect(warn.querySelector('.fp-icon')!.textContent).not.toBe('✓');
  });

  it('Escape and the close button close it; the buttons navigate and open the report', () => {
    const props = cardProps();
    const host = mount(<ClauseCard {...props} />);
    const dialog = host.querySelector<HTMLElement>('[role="dialog"]')!;
    act(() => {
      dialog.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    });
    expect(props.onClose).toHaveBeenCalledTimes(1);
    const button = (name: string) =>
      [...host.querySelectorAll('button')].find((b) =>
        (b.getAttribute('aria-label') ?? b.textContent)!.includes(name),
      )!;
    act(() => button('Close explanation').click());
    act(() => button('Next').click());
    act(() => button('Previous').click());
    act(() => button('Open in Fineprint').click());
    expect(props.onClose).toHaveBeenCalledTimes(2);
    expect(props.onNext).toHaveBeenCalledTimes(1);
    expect(props.onPrev).toHaveBeenCalledTimes(1);
    expect(props.onOpenReport).toHaveBeenCalledTimes(1);
  });

  it('takes every label from _locales: no key shows through, and German renders German', () => {
    const l = label('permits');
    const full = clause(l, {
      labels: [l, label('denies', 'data-sharing')],
      slots: {
        data: ['messages'],
        purposes: ['advertising and marketing'],
        safeguards: ['encrypted'],
        choice: 'turn it off in settings',
        scope: ['children'],
        default: 'on',
      },
    });
    const en = mount(<ClauseCard {...cardProps({ clause: full, primary: l })} />);
    expect(allText(en)).not.toMatch(KEY_LIKE);
    expect(en.querySelector('.fp-also li[data-category="data-sharing"]')?.textContent).toContain(
      'Data sharing · Reassurance',
    );
    expect(en.textContent).toContain('on unless you act');
    const de = mount(<ClauseCard {...cardProps({ t: tDe, clause: full, primary: l })} />);
    expect(allText(de)).not.toMatch(KEY_LIKE);
    expect(de.querySelector('h2')!.textContent).toContain('KI-Training');
    expect([...de.querySelectorAll('dt')].map((d) => d.textContent)).toContain('Zwecke');
    expect(de.textContent).toContain('2 von 5');
    expect(de.querySelector('.fp-close')!.getAttribute('aria-label')).toBe('Erklärung schließen');
  });

  it('shows each label with its own explanation, never one sentence twice', () => {
    const ai = {
      ...label('permits'),
      explanation: 'This says your messages may be used to train AI models.',
    };
    const share = {
      ...label('denies', 'data-sharing'),
      explanation: 'This says they do NOT share your messages with others in the case described.',
    };
    const el = mount(
      <ClauseCard {...cardProps({ clause: clause(ai, { labels: [ai, share] }), primary: ai })} />,
    );
    expect(el.querySelector('.fp-explanation')!.textContent).toBe(ai.explanation);
    expect(el.querySelector('.fp-also li[data-category="data-sharing"]')!.textContent).toContain(
      share.explanation,
    );
    expect(el.textContent!.split(ai.explanation).length).toBe(2);
  });

  it('takes focus only when opened from the keyboard', () => {
    const quiet = mount(<ClauseCard {...cardProps()} />);
    expect(quiet.contains(document.activeElement)).toBe(false);
    const keyed = mount(<ClauseCard {...cardProps({ focusOnOpen: true })} />);
    expect(document.activeElement).toBe(keyed.querySelector('[role="dialog"]'));
  });
});

describe('SummaryBar', () => {
  const props = (over: Partial<SummaryBarProps> = {}): SummaryBarProps => ({
    t,
    counts: { 'data-retention': 4, 'ai-training': 2, 'data-sharing': 3 },
    total: 9,
    unplaced: 1,
    highlightsOn: true,
    collapsed: false,
    onNext: vi.fn(),
    onPrev: vi.fn(),
    onToggleHighlights: vi.fn(),
    onToggleCollapsed: vi.fn(),
    onDismiss: vi.fn(),
    ...over,
  });

  it('lists counts, heaviest categories first, and says how many clauses are not shown inline', () => {
    const host = mount(<SummaryBar {...props()} />);
    expect([...host.querySelectorAll('.fp-count')].map((li) => li.textContent)).toEqual([
      'AI training: 2',
      'Data sharing: 3',
      'Retention: 4',
    ]);
    expect(host.textContent).toContain('1 not shown inline');
  });

  it('collapses to one line (total, counts, previous / next) and says when nothing was flagged', () => {
    const line = mount(<SummaryBar {...props({ collapsed: true })} />);
    const buttons = [...line.querySelectorAll('button')];
    expect(buttons.map((b) => b.getAttribute('aria-label'))).toEqual([
      'Expand Fineprint bar',
      'Previous marked clause',
      'Next marked clause',
    ]);
    expect(line.textContent).toContain('9');
    expect(line.querySelectorAll('.fp-mini li').length).toBeGreaterThan(0);
    expect(line.querySelector('.fp-mini li')!.textContent).toMatch(/: \d+$/);
    const none = mount(<SummaryBar {...props({ counts: {}, total: 0, unplaced: 0 })} />);
    expect(none.textContent).toContain('No flagged clauses');
    expect(none.textContent).not.toContain('Next');
  });

  it('on a policy it cannot read, says so instead of "nothing flagged", expanded or collapsed', () => {
    const notice = 'This policy is in French. Fineprint reads English policies for now.';
    for (const collapsed of [false, true]) {
      const bar = mount(<SummaryBar {...props({ counts: {}, total: 0, unplaced: 0, notice, collapsed })} />);
      expect(bar.textContent).toContain(notice);
      expect(bar.textContent).not.toContain('No flagged clauses');
      expect(bar.querySelector('[aria-pressed]')).toBeNull();
    }
  });

  it('sits on the edge it is given', () => {
    expect(
      mount(<SummaryBar {...props({ edge: 'bottom' })} />).querySelector('.fp-edge-bottom'),
    ).not.toBeNull();
    expect(mount(<SummaryBar {...props({})} />).querySelector('.fp-edge-top')).not.toBeNull();
  });

  it('takes every label from _locales: no key shows through, and German renders German', () => {
    for (const over of [
      {},
      { collapsed: true },
      { counts: {}, total: 0, unplaced: 0 },
      { highlightsOn: false },
    ]) {
      expect(allText(mount(<SummaryBar {...props(over)} />))).not.toMatch(KEY_LIKE);
    }
    const de = mount(<SummaryBar {...props({ t: tDe as Translate })} />);
    expect([...de.querySelectorAll('.fp-count')].map((li) => li.textContent)[0]).toBe('KI-Training: 2');
    expect(de.textContent).toContain('Markierungen ausblenden');
    expect(de.querySelector('[role="region"]')!.getAttribute('aria-label')).toBe('Fineprint-Übersicht');
  });
});
