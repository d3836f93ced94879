/**
 * A sentence set in capitals states its practice like the same sentence in lower case (terms put their
 * changes, arbitration and waivers in capitals); only a title names a topic (`unclear`). Team-written.
 */
import { describe, expect, it } from 'vitest';
import { classifyOne } from '../support/clauses';

const labels = (text: string) => classifyOne(text).labels.map((l) => `${l.category}/${l.stance}`);

describe('sentences in capitals', () => {
  it.each([
    'Acme may update or otherwise modify this agreement from time to time.',
    'We may share your personal information with our advertising partners.',
    'Your continued use of the service after an update will constitute acceptance of the new terms.',
  ])('read as in lower case: %s', (text) => {
    const lower = labels(text);
    expect(lower.length).toBeGreaterThan(0);
    expect(labels(text.toUpperCase())).toEqual(lower);
  });
});
