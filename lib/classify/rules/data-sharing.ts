import { alt, near, rx } from './build';
import type { RuleFamily } from './types';

const SHARE = alt(
  'shar(?:e|es|ed|ing)',
  'disclos(?:e|es|ed|ing|ure)',
  'transfer(?:s|red|ring)?',
  'provid(?:e|es|ed|ing)',
  'mak(?:e|es|ing) (?:it )?available',
  'made available',
  'pass(?:es|ed)? (?:it )?on',
);
const RECIPIENT = alt(
  'third[- ]part(?:y|ies)',
  '(?:business |marketing |advertising |trusted )?partners?',
  'affiliates?',
  'subsidiar(?:y|ies)',
  'service providers?',
  'vendors?',
  'processors?',
  'advertisers?',
  'law enforcement',
  'government(?:al)? (?:authorities|agencies|bodies)',
  'authorities',
  '(?:other |group |affiliated )companies',
  'parent company',
  'contractors?',
  'buyers?',
  'acquirers?',
  'successors?',
);

/** Sharing with, or collection by, parties other than the first party. */
export const dataSharing: RuleFamily = {
  category: 'data-sharing',
  cue: /partner|third|affiliat|subsidiar|provider|vendor|processor|advertiser|enforcement|government|authorit|compan|contractor|buyer|acquir|successor|merger|acquisition|bankrupt|sale of/i,
  userNegation: 'user-prohibited',
  patterns: [
    {
      id: 'share.with-recipient',
      pattern: rx(near(SHARE, near(alt('with', 'to'), RECIPIENT, 4), 12)),
      strong: true,
    },
    {
      id: 'share.recipient-receives',
      pattern: rx(near(RECIPIENT, alt('(?:may )?collect', 'receive', 'access'), 6)),
      strong: false,
    },
    {
      id: 'share.business-transfer',
      pattern: rx(
        alt(
          'merger',
          'acquisition',
          'bankruptcy',
          'sale of (?:all or (?:a portion|part|substantially all) of )?(?:our|its) (?:assets|business)',
        ),
      ),
      strong: false,
    },
  ],
};
