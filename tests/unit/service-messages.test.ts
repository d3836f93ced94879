/**
 * Service and account messages are no marketing (guide §3 targeted-advertising, "Not", settled 2026-12-07,
 * session 10). Team-written sentences; the near misses promote something or name service messages only as the
 * exception, and keep the label.
 */
import { describe, expect, it } from 'vitest';
import { gatedOut } from '../../lib/classify/rules/gates';
import { isServiceMessagesOnly } from '../../lib/classify/rules/service-messages';

describe('service messages, not marketing', () => {
  it.each([
    'We will e-mail you administrative notices and updates about your account and the app.',
    'You can choose which security alerts reach you by text message.',
    'Turning off transactional e-mails may mean you miss receipts for your orders.',
    'You cannot stop service-related messages while your account is open.',
  ])('gates %s', (text) => {
    expect(isServiceMessagesOnly(text)).toBe(true);
    expect(gatedOut('targeted-advertising', text)).toBe(true);
  });

  it.each([
    'We will e-mail you account updates and offers from our partners.',
    'You can unsubscribe from our e-mails at any time, other than administrative notices.',
    'We send newsletters and service announcements to all members.',
    'We may send you messages by e-mail or text.',
  ])('keeps %s', (text) => {
    expect(isServiceMessagesOnly(text)).toBe(false);
  });
});
