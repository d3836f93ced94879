import { describe, expect, it } from 'vitest';
import { changeHeadline, documentName, rankCategoryChanges, shortDate } from '../../lib/change-summary';
import type { ClauseDiff } from '../../lib/types';

const NOW = Date.UTC(2026, 10, 22);
const SINCE = Date.UTC(2026, 8, 19);
const diff = (categories: ClauseDiff['categories'], changed = true): ClauseDiff => ({
  changed,
  added: [],
  removed: [],
  modified: [],
  categories,
});

describe('changeHeadline', () => {
  it('leads with the heaviest category', () => {
    const d = diff({ 'data-retention': { added: 2, removed: 0 }, 'ai-training': { added: 1, removed: 0 } });
    expect(changeHeadline('LinkedIn Privacy Policy', d, SINCE, NOW)).toBe(
      'LinkedIn Privacy Policy: AI-training clause added since Sep 19, 2026 (and 1 more change)',
    );
  });

  it('ranks a removed opt-out above weight-2 additions', () => {
    const d = diff({ 'data-sharing': { added: 1, removed: 0 }, 'user-choice': { added: 0, removed: 1 } });
    expect(rankCategoryChanges(d)[0]).toMatchObject({ category: 'user-choice', direction: 'removed' });
    expect(changeHeadline('Acme Terms', d, SINCE, NOW)).toMatch(
      /^Acme Terms: Opt-out \/ choice clause removed since Sep 19, 2026/,
    );
  });

  it('reports an edited clause that keeps its label as changed, below gains of the same weight', () => {
    const d = diff({
      'ai-training': { added: 0, removed: 0, modified: 2 },
      'data-sale': { added: 1, removed: 0 },
    });
    expect(rankCategoryChanges(d).map((c) => `${c.category}:${c.direction}`)).toEqual([
      'data-sale:added',
      'ai-training:changed',
    ]);
    const only = diff({ 'ai-training': { added: 0, removed: 0, modified: 1 } });
    expect(changeHeadline('X Terms', only, SINCE, NOW)).toBe(
      'X Terms: AI-training clause changed since Sep 19, 2026',
    );
  });

  it('falls back to counts when no category moved', () => {
    const d: ClauseDiff = { ...diff({}), modified: [{} as never, {} as never], added: [{} as never] };
    expect(changeHeadline('', d, SINCE, NOW)).toBe(
      'Policy: text changed since Sep 19, 2026 (clauses 1 added, 2 edited)',
    );
  });

  it('shows the year for an older date', () => {
    expect(shortDate(Date.UTC(2024, 0, 5), NOW)).toBe('Jan 5, 2024');
  });
});

describe('documentName', () => {
  it('adds the site when the title does not name it', () => {
    expect(documentName('Privacy Policy', 'https://policies.tinder.com/privacy')).toBe(
      'Tinder Privacy Policy',
    );
    expect(documentName('Terms', 'https://www.example.co.uk/terms')).toBe('Example Terms');
    expect(documentName('', 'https://www.linkedin.com/legal/privacy-policy')).toBe('Linkedin');
  });

  it('keeps a title that already names the site, and IP hosts as they are', () => {
    expect(documentName('LinkedIn Privacy Policy', 'https://www.linkedin.com/legal/privacy-policy')).toBe(
      'LinkedIn Privacy Policy',
    );
    expect(documentName('Privacy Policy', 'http://127.0.0.1:8080/privacy')).toBe('Privacy Policy');
    expect(documentName('Privacy', 'not a url')).toBe('Privacy');
  });
});
