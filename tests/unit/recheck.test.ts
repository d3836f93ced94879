import { describe, expect, it } from 'vitest';
import {
  HOUR_MS,
  MAX_BACKOFF_MS,
  afterAttempt,
  dueDocuments,
  looksLikeCaptureError,
  nextDelay,
} from '../../lib/recheck';
import type { CheckRecord } from '../../lib/store/schema';

const DAY = 24 * HOUR_MS;

describe('recheck scheduling', () => {
  it('backs off exponentially on errors, never below the period, capped', () => {
    expect(nextDelay(DAY, 0)).toBe(DAY);
    expect(nextDelay(DAY, 1)).toBe(2 * DAY);
    expect(nextDelay(DAY, 3)).toBe(8 * DAY);
    expect(nextDelay(DAY, 50)).toBe(MAX_BACKOFF_MS);
  });

  it('records failures and resets them on success', () => {
    const a = afterAttempt(null, 'u', 0, DAY, { ok: false, error: 'HTTP 503' });
    expect(a).toMatchObject({ failures: 1, nextAt: 2 * DAY, lastError: 'HTTP 503', lastSuccess: null });
    const b = afterAttempt(a, 'u', 2 * DAY, DAY, { ok: false, error: 'timeout' });
    expect(b).toMatchObject({ failures: 2, nextAt: 6 * DAY });
    const c = afterAttempt(b, 'u', 6 * DAY, DAY, { ok: true });
    expect(c).toMatchObject({ failures: 0, nextAt: 7 * DAY, lastError: null, lastSuccess: 6 * DAY });
  });

  it('picks due documents, least recently attempted first, within the per-run limit', () => {
    const docs = [
      { url: 'a', lastSeen: 0 },
      { url: 'b', lastSeen: 0 },
      { url: 'c', lastSeen: 10 * DAY },
      { url: 'd', lastSeen: 0 },
    ];
    const checks = new Map<string, CheckRecord>([
      [
        'a',
        {
          url: 'a',
          lastAttempt: 3 * DAY,
          lastSuccess: 3 * DAY,
          failures: 0,
          nextAt: 4 * DAY,
          lastError: null,
        },
      ],
      [
        'b',
        { url: 'b', lastAttempt: 1 * DAY, lastSuccess: null, failures: 3, nextAt: 9 * DAY, lastError: 'x' },
      ],
    ]);
    expect(dueDocuments(docs, checks, 5 * DAY, DAY)).toEqual(['d', 'a']);
    expect(dueDocuments(docs, checks, 12 * DAY, DAY)).toEqual(['d', 'c', 'b', 'a']);
    expect(dueDocuments(docs, checks, 12 * DAY, DAY, 2)).toEqual(['d', 'c']);
  });

  it('flags error-page captures', () => {
    expect(looksLikeCaptureError(162, 6)).toBe(true);
    expect(looksLikeCaptureError(538, 280)).toBe(false);
    expect(looksLikeCaptureError(10, 3)).toBe(false);
    expect(looksLikeCaptureError(10, 0)).toBe(true);
    expect(looksLikeCaptureError(12, 1)).toBe(true);
    expect(looksLikeCaptureError(5, 1)).toBe(false);
  });
});
