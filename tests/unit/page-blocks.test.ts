// lib/page-blocks.ts: the page the background classifies, from the page's detection and the background's reading.
import { describe, expect, it } from 'vitest';
import { pageBlocksOf } from '@/lib/page-blocks';
import { unreadable } from '@/lib/extract/reading';

const URL_A = 'https://shop.example.com/privacy';
const detected = {
  kind: 'privacy-policy' as const,
  confidence: 0.8,
  language: 'und',
  title: 'Tab title',
  url: URL_A,
};
const block = { kind: 'paragraph' as const, text: 'We may use your posts to train models.', headingPath: [] };

describe('pageBlocksOf', () => {
  it('takes language, title and truncation from the reading, kind and confidence from the detection', () => {
    const reading = {
      title: 'Privacy',
      language: 'en',
      blocks: [block],
      truncated: true,
      source: 'readability' as const,
    };
    expect(pageBlocksOf(URL_A, detected, reading)).toEqual({
      url: URL_A,
      page: { ...detected, language: 'en', title: 'Privacy' },
      blocks: [block],
      truncated: true,
    });
  });

  it('keeps the page’s title when the reading has none, and no blocks when it is unsupported', () => {
    const out = pageBlocksOf(URL_A, detected, { ...unreadable('', 'parser gone'), blocks: [block] });
    expect(out.page.title).toBe('Tab title');
    expect(out.blocks).toEqual([]);
    expect(out.unsupported?.reason).toBe('unreadable');
    expect(out.unsupported?.message).toContain('parser gone');
  });
});
