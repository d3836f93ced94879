/**
 * Non-policies that read like terms: team-written pages in the shapes of brand guidelines and a
 * law-enforcement guide. Detection must not take them for terms (the brand page got a licence card).
 */
import { describe, expect, it } from 'vitest';
import { detectPage } from '../../lib/detect';
import { parseHtml } from '../../scripts/parse-html';

const page = (title: string, body: string) =>
  parseHtml(
    `<!doctype html><html lang="en"><head><title>${title}</title></head><body><main><h1>${title}</h1>${body}</main></body></html>`,
  );

const para = (s: string) => `<p>${s}</p>`;

describe('pages that are not policies', () => {
  it('brand guidelines, full of "you may not" and licence words, are not terms', () => {
    const body = [
      'These guidelines explain how you may use our logo, our name and our brand assets in your own materials.',
      'You may not alter our logos, change their colours or combine them with your own marks.',
      'Our trademarks are licensed to you only as described in these guidelines, and you must not imply endorsement.',
      'You may use the logo on a white or black background with clear space around it equal to the height of the icon.',
      'You must not use our brand in a way that is misleading, and we may withdraw permission at any time.',
    ]
      .map(para)
      .join('')
      .repeat(8);
    expect(detectPage(page('Acme Brand Guidelines', body), 'https://acme.example/p/1a2b').kind).toBe('other');
  });

  it('a law-enforcement guide is not a privacy policy', () => {
    const body = [
      'This guide is for law enforcement agencies and government officials who seek information about our users.',
      'We disclose personal data only in response to valid legal process such as a subpoena or a search warrant.',
      'Emergency disclosure requests must describe the danger and be sent from an official address.',
      'We notify users of requests for their information unless the law prohibits us from doing so.',
    ]
      .map(para)
      .join('')
      .repeat(10);
    expect(detectPage(page('Guidelines for Law Enforcement', body), 'https://acme.example/p/9f8e').kind).toBe(
      'other',
    );
  });
});
