// The change notification's text (entrypoints/background/notify.ts) with WXT's fake browser: the site's host
// comes first, from the document's address; the page's own title follows, without bidi controls.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { notificationText } from '@/entrypoints/background/notify';
import { getMessageFromCatalogue } from '@/lib/i18n';
import { diffClauses } from '@/lib/diff';
import { VERSION_A, VERSION_B } from '../fixtures/db/clauses';

describe('notificationText', () => {
  it('names the host first and never only the page-supplied title', () => {
    const en = JSON.parse(
      readFileSync(resolve(__dirname, '../../public/_locales/en/messages.json'), 'utf8'),
    ) as Parameters<typeof getMessageFromCatalogue>[0];
    vi.spyOn(browser.i18n, 'getMessage').mockImplementation(getMessageFromCatalogue(en) as never);
    const n = notificationText({
      documentUrl: 'http://localhost:4321/flip/privacy',
      title: '\u202ePayPal Privacy Statement',
      previousSeenAt: 0,
      diff: diffClauses(VERSION_A, VERSION_B),
      headline: '\u202ePayPal Privacy Statement: Sale of data clause added since 3 May',
    });
    expect(n.title).toBe('localhost:4321 changed a policy you read');
    // Rebuilt in the UI language from the change; the page's bidi control is gone.
    expect(n.message).toMatch(/^PayPal Privacy Statement: AI-training clause added since /);
    expect(n.message).not.toMatch(/[\u202a-\u202e\u2066-\u2069]/);
  });
});
