import { describe, expect, it } from 'vitest';
import { drawServices, shapeCaseHolds, skippedGroups } from '../../scripts/check-explanations';

// Team-written service names: two of them (Instagram, WhatsApp) are aliases of the Meta group.
const services = [
  'Alpha',
  'Bravo',
  'Charlie',
  'Delta',
  'Echo',
  'Foxtrot',
  'Golf',
  'Hotel',
  'India',
  'Juliett',
  'Instagram',
  'WhatsApp',
];

describe('drawServices', () => {
  it('keeps the count and the seed order when services are skipped', () => {
    const all = drawServices(services, 'seed x', services.length);
    const skip = new Set([all[0]!, all[2]!]);
    const drawn = drawServices(services, 'seed x', 4, skip);
    expect(drawn).toHaveLength(4);
    expect(drawn).toEqual(all.filter((s) => !skip.has(s)).slice(0, 4));
  });

  it('skips a service through its group', () => {
    const drawn = drawServices(services, 'seed x', services.length, new Set(['Meta']));
    expect(drawn).not.toContain('Instagram');
    expect(drawn).not.toContain('WhatsApp');
    expect(drawn).toHaveLength(services.length - 2);
  });
});

describe('skippedGroups', () => {
  const sets = {
    a: { seed: 'check a', file: '', by: '', services: 3 },
    b: { seed: 'check b', file: '', by: '', services: 2 },
  };

  it('leaves out every service an earlier check drew, and the final-test groups', () => {
    const skip = skippedGroups(
      services,
      { skipChecks: ['a', 'b'], skipFinalTest: true },
      { final_test: ['Hotel'] },
      sets,
    );
    const earlier = [
      ...drawServices(services, sets.a.seed, sets.a.services),
      ...drawServices(services, sets.b.seed, sets.b.services),
    ];
    const drawn = drawServices(services, 'check c', services.length, skip);
    for (const s of earlier) expect(drawn).not.toContain(s);
    expect(drawn).not.toContain('Hotel');
    expect(drawn.length).toBeGreaterThanOrEqual(services.length - earlier.length - 1);
  });

  it('skips nothing for a check without exclusions', () => {
    expect(skippedGroups(services, {}, { final_test: ['Hotel'] }, sets).size).toBe(0);
  });
});

describe('shapeCaseHolds', () => {
  // Team-written sentences; what each expectation reads is the explanation or the slots of the sentence alone.
  const ads = { category: 'targeted-advertising', stance: 'permits' };
  it('reads an explanation against says / not_says', () => {
    const text = 'We may pass your information to advertising partners.';
    expect(shapeCaseHolds({ shape: 't', text, expect: { label: ads, says: 'target ads' } })).toBe(true);
    expect(shapeCaseHolds({ shape: 't', text, expect: { label: ads, not_says: 'target ads' } })).toBe(false);
  });

  it('reads the slots: a data phrase, a purpose, a default left out', () => {
    const text = 'With your consent, we use the messages you send for research.';
    expect(shapeCaseHolds({ shape: 't', text, expect: { no_data: 'messages' } })).toBe(false);
    expect(shapeCaseHolds({ shape: 't', text, expect: { no_data: 'location' } })).toBe(true);
    expect(shapeCaseHolds({ shape: 't', text, expect: { no_purpose: 'research' } })).toBe(false);
    expect(shapeCaseHolds({ shape: 't', text, expect: { no_default: true } })).toBe(false);
  });
});
