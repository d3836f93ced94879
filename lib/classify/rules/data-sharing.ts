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
  cue: /partner|third|affiliat|subsidiar|provider|vendor|processor|advertiser|enforcement|government|authorit|compan|contractor|buyer|acquir|successor|merger|acquisition|bankrupt|sale of|share|shar|disclos|transfer|pass on|available to|developer|researcher|others|operator|administrator/i,
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
    // Sharing stated without naming the recipient ("we may disclose your personal information to others").
    {
      id: 'share.we-share',
      pattern: rx(
        `(?:we|[A-Z][\\w.]+) (?:(?:may|might|will|can|could|also|only|then|generally)\\s+)*${alt('share', 'shares', 'disclose', 'discloses', 'transfer', 'pass on')}\\b[^.;]{0,40}?\\b(?:information|data|it|them|content|details|results)`,
      ),
      strong: false,
    },
    {
      id: 'share.how-shared',
      pattern: rx(
        alt(
          '(?:ways|cases|how|when) (?:we|your information|information|data) (?:can |may |is |are )?(?:be )?shared',
          'data shared',
          'shared publicly',
          'publicly disclose',
          'make (?:it |them |your content |your information )?(?:publicly )?available to (?:the world|others|the public)',
        ),
      ),
      strong: false,
    },
    {
      id: 'share.others-learn',
      pattern: rx(
        `${alt('advertisers?', 'partners?', 'third[- ]part(?:y|ies)', 'developers?', 'researchers?', 'others', 'website operators?', 'administrators?')} (?:may |might |can |could |automatically )*${alt('learn', 'receive', 'receives', 'access', 'see', 'obtain', 'get')}\\b`,
      ),
      strong: false,
    },
  ],
};
