// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { caretAt, isCssHidden, pointOnBoxes } from '../../lib/highlight/pointer';

describe('pointOnBoxes', () => {
  const boxes = [
    { left: 10, right: 100, top: 10, bottom: 30 },
    { left: 10, right: 60, top: 30, bottom: 50 },
  ];
  it('is true on any box, edges included, and false in the margin next to a short last line', () => {
    expect(pointOnBoxes(boxes, 50, 20)).toBe(true);
    expect(pointOnBoxes(boxes, 60, 50)).toBe(true);
    expect(pointOnBoxes(boxes, 80, 40)).toBe(false);
    expect(pointOnBoxes([], 0, 0)).toBe(false);
  });
});

describe('caretAt', () => {
  it('uses caretPositionFromPoint, then caretRangeFromPoint, else answers null', () => {
    const text = document.createTextNode('abc');
    const standard = { caretPositionFromPoint: () => ({ offsetNode: text, offset: 2 }) };
    expect(caretAt(standard as never, 1, 1)).toEqual({ node: text, offset: 2 });
    const legacy = { caretRangeFromPoint: () => ({ startContainer: text, startOffset: 1 }) };
    expect(caretAt(legacy as never, 1, 1)).toEqual({ node: text, offset: 1 });
    expect(caretAt({} as never, 1, 1)).toBeNull();
  });
});

describe('isCssHidden', () => {
  it('counts an element without checkVisibility as shown, and follows checkVisibility where it exists', () => {
    const el = document.createElement('div');
    Object.defineProperty(el, 'checkVisibility', { value: undefined });
    expect(isCssHidden(el)).toBe(false);
    const hidden = document.createElement('div');
    Object.defineProperty(hidden, 'checkVisibility', { value: () => false });
    expect(isCssHidden(hidden)).toBe(true);
  });
});
