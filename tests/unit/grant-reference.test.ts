/**
 * A content rule that names the licence only as a back-reference, and the service's licence to install its
 * software, are not content-license (guide §3 content-license, settled 2026-12-07, session 10). Team-written
 * sentences; the near misses grant rights over the user's content and keep the label.
 */
import { describe, expect, it } from 'vitest';
import { gatedOut, isLicenceToTheUser } from '../../lib/classify/rules/gates';
import { isGrantReferenceOnly } from '../../lib/classify/rules/not-the-practice';

describe('the licence named only as a back-reference', () => {
  it.each([
    'You must not upload photos taken by someone else unless you have their permission to post them and to grant us the licence rights granted herein;',
    'Do not post recordings of other people unless they agreed and you are able to give us the rights granted above.',
  ])('gates %s', (text) => {
    expect(isGrantReferenceOnly(text)).toBe(true);
    expect(gatedOut('content-license', text)).toBe(true);
  });

  it.each([
    'You grant us a licence to show your photos, in addition to the licence rights granted herein.',
    'By uploading, you give us the right to publish your photos and confirm you may grant the rights granted herein.',
    'You must not upload photos taken by someone else.',
    // A warranty that the user can grant them affirms the grant.
    'You confirm you hold every right needed to grant the rights granted above in your recordings.',
  ])('keeps %s', (text) => {
    expect(isGrantReferenceOnly(text)).toBe(false);
  });
});

describe('a licence the service grants the user', () => {
  it('gates the right to install its software', () => {
    const text =
      'Lumo grants the right to install and run the app on any phone you own, for personal use only.';
    expect(isLicenceToTheUser(text)).toBe(true);
    expect(gatedOut('content-license', text)).toBe(true);
  });

  it('keeps the user granting the service a right to use what they make on its website', () => {
    expect(
      isLicenceToTheUser(
        'The member grants Lumo the right to use the reviews the member writes on the Lumo website.',
      ),
    ).toBe(false);
  });
});
