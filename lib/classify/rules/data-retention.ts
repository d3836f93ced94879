import { alt, near, rx } from './build';
import type { RuleFamily } from './types';

const DURATION = alt(
  'for (?:up to |at least |a (?:maximum )?period of |a maximum of )?(?:\\d+|one|two|three|six|twelve|thirty|sixty|ninety)',
  'for (?:as|so) long as',
  'as long as',
  'until',
  'indefinitely',
  'no longer than',
  'for a (?:limited|reasonable|longer|certain) (?:period|time)',
);

/** How long data is kept, including after account deletion. */
export const dataRetention: RuleFamily = {
  category: 'data-retention',
  cue: /retain|retention|re-?tain|long as|until|indefinite|no longer than|period|\d|\b(?:one|two|three|six|twelve|thirty|sixty|ninety)\b|for a (?:limited|reasonable|longer|certain)|after|within|once/i,
  userNegation: 'user-prohibited',
  patterns: [
    // "You retain ownership of your content" and "as retained in UK law" are not about keeping data.
    {
      id: 'retain.retain',
      pattern: rx(
        alt(
          '(?<!\\byou |\\blicensors |\\bparty |\\bpartners )retain(?:s|ed|ing)?(?!\\s+(?:[\\w-]+\\s+){0,3}?(?:rights?|ownership|title|control|interest|copyright)\\b)(?! in (?:UK|EU) law)',
          'retention',
        ),
      ),
      strong: true,
    },
    {
      id: 'retain.keep-for',
      pattern: rx(
        near(
          alt(
            'keep',
            'keeps',
            'kept',
            'store',
            'stores',
            'stored',
            'hold',
            'holds',
            'held',
            'maintain(?:s|ed)?',
            'preserve[sd]?',
          ),
          DURATION,
          10,
        ),
      ),
      strong: true,
    },
    {
      id: 'retain.delete-after',
      pattern: rx(
        near(
          alt('delet(?:e|es|ed|ion)', 'eras(?:e|ed|ure)', 'purg(?:e|ed)'),
          alt('after', 'within', 'once'),
          8,
        ),
      ),
      strong: false,
    },
    {
      id: 'retain.as-long-as-necessary',
      pattern: rx('(?:for )?as long as (?:is )?(?:reasonably )?(?:necessary|needed|required)'),
      strong: true,
    },
  ],
};
