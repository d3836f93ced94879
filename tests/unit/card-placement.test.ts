import { describe, expect, it } from 'vitest';
import { placeCard, stepIndex } from '../../lib/highlight/card-placement';

const viewport = { width: 1000, height: 800 };
const size = { width: 360, heightGuess: 280 };

describe('placeCard', () => {
  it('puts the card under the clause when it fits', () => {
    expect(placeCard({ top: 100, bottom: 120, left: 50 }, viewport, size)).toEqual({
      top: 128,
      left: 50,
      width: 360,
    });
  });

  it('puts it above a clause near the bottom of the viewport', () => {
    expect(placeCard({ top: 700, bottom: 720, left: 50 }, viewport, size).top).toBe(700 - 8 - 280);
  });

  it('keeps it inside the viewport horizontally and never wider than it', () => {
    expect(placeCard({ top: 10, bottom: 20, left: 900 }, viewport, size).left).toBe(1000 - 360 - 8);
    expect(placeCard({ top: 10, bottom: 20, left: -40 }, viewport, size).left).toBe(8);
    const narrow = placeCard({ top: 10, bottom: 20, left: 0 }, { width: 300, height: 800 }, size);
    expect(narrow).toMatchObject({ width: 284, left: 8 });
  });

  it('never goes above the top edge when it fits neither below nor above', () => {
    expect(placeCard({ top: 100, bottom: 120, left: 0 }, { width: 1000, height: 300 }, size).top).toBe(8);
  });
});

describe('stepIndex', () => {
  const all = () => true;

  it('starts at the first (next) or the last (previous) when nothing is open', () => {
    expect(stepIndex(null, 1, 5, all)).toBe(0);
    expect(stepIndex(null, -1, 5, all)).toBe(4);
  });

  it('wraps around in both directions', () => {
    expect(stepIndex(4, 1, 5, all)).toBe(0);
    expect(stepIndex(0, -1, 5, all)).toBe(4);
  });

  it('skips clauses with nothing on screen, and says so when none is visible', () => {
    expect(stepIndex(0, 1, 5, (i) => i !== 1 && i !== 2)).toBe(3);
    expect(stepIndex(0, 1, 5, () => false)).toBe(-1);
    expect(stepIndex(null, 1, 0, all)).toBe(-1);
  });
});
