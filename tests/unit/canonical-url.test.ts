import { describe, expect, it } from 'vitest';
import { canonicalUrl } from '../../lib/canonical-url';

describe('canonicalUrl', () => {
  it('drops tracking parameters, fragment, default port and trailing slash', () => {
    expect(
      canonicalUrl(
        'HTTPS://Example.COM:443/legal/privacy/?utm_source=x&utm_medium=y&fbclid=1&gclid=2#section-3',
      ),
    ).toBe('https://example.com/legal/privacy');
  });

  it('keeps meaningful parameters, sorted', () => {
    expect(canonicalUrl('https://example.com/terms?b=2&utm_campaign=z&a=1')).toBe(
      'https://example.com/terms?a=1&b=2',
    );
  });

  it('treats an English locale prefix as the same document', () => {
    const plain = canonicalUrl('https://example.com/privacy');
    expect(canonicalUrl('https://example.com/en-us/privacy')).toBe(plain);
    expect(canonicalUrl('https://example.com/EN_gb/privacy/')).toBe(plain);
    expect(canonicalUrl('https://example.com/en/privacy')).toBe(plain);
  });

  it('keeps other locales and locale parameters apart', () => {
    expect(canonicalUrl('https://example.com/fr/privacy')).toBe('https://example.com/fr/privacy');
    expect(canonicalUrl('https://example.com/de-de/privacy')).not.toBe(
      canonicalUrl('https://example.com/privacy'),
    );
    expect(canonicalUrl('https://policies.example.com/privacy?hl=de')).toBe(
      'https://policies.example.com/privacy?hl=de',
    );
  });

  it('does not strip a path that is only a locale-looking segment', () => {
    expect(canonicalUrl('https://example.com/en')).toBe('https://example.com/en');
    expect(canonicalUrl('https://example.com/')).toBe('https://example.com/');
  });

  it('does not merge http and https, nor non-default ports', () => {
    expect(canonicalUrl('http://example.com/privacy')).not.toBe(canonicalUrl('https://example.com/privacy'));
    expect(canonicalUrl('http://127.0.0.1:8080/privacy')).toBe('http://127.0.0.1:8080/privacy');
  });

  it('rejects non-web and malformed URLs', () => {
    expect(canonicalUrl('chrome-extension://abc/popup.html')).toBeNull();
    expect(canonicalUrl('about:blank')).toBeNull();
    expect(canonicalUrl('not a url')).toBeNull();
    expect(canonicalUrl('')).toBeNull();
  });
});
