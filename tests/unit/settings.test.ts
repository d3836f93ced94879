import { describe, expect, it } from 'vitest';
import { coerceSettings, DEFAULT_SETTINGS } from '../../lib/settings';

describe('coerceSettings', () => {
  it('gives the defaults for missing or corrupt values', () => {
    for (const raw of [undefined, null, 42, 'x', [], { notifications: 'yes', recheck: [1] }]) {
      expect(coerceSettings(raw)).toEqual(DEFAULT_SETTINGS);
    }
  });

  it('keeps valid fields and drops invalid ones field by field', () => {
    const s = coerceSettings({
      notifications: { enabled: false, categories: ['ai-training', 'nonsense', 'ai-training'] },
      recheck: { enabled: 'true', periodHours: 1 },
      highlights: false,
    });
    expect(s.notifications).toEqual({ enabled: false, categories: ['ai-training'] });
    expect(s.recheck).toEqual({ enabled: false, periodHours: 6 });
    expect(s.highlights).toBe(false);
  });

  it('enables re-check only on an explicit true and clamps the period', () => {
    expect(coerceSettings({ recheck: { enabled: true, periodHours: 24 * 365 } }).recheck).toEqual({
      enabled: true,
      periodHours: 720,
    });
  });
});
