import { alt, near, rx } from './build';
import type { RuleFamily } from './types';

/** Settings, opt-outs, objections and rights the user can exercise. */
export const userChoice: RuleFamily = {
  category: 'user-choice',
  cue: /opt|unsubscribe|right to|withdraw|settings|controls|preferences|do not track|global privacy|do not sell|you (?:can|may|could|are able|have the)|you're able/i,
  userNegation: 'denies',
  patterns: [
    { id: 'choice.opt', pattern: rx(alt('opt(?:s|ed|ing)?[- ]?(?:out|in)', 'unsubscribe')), strong: true },
    {
      id: 'choice.you-can',
      pattern: rx(
        near(
          alt('you (?:can|may|could|are able to|have the (?:right|option|ability|choice))', "you're able to"),
          alt(
            'choose',
            'change',
            'turn (?:off|on)',
            'disable',
            'enable',
            'manage',
            'control',
            'object',
            'withdraw',
            'delete',
            'adjust',
            'limit',
            'restrict',
            'decline',
            'refuse',
            'opt',
            'switch off',
            'stop',
          ),
          6,
        ),
      ),
      strong: true,
    },
    {
      id: 'choice.right-to',
      pattern: rx(
        `right to ${alt('object', 'withdraw', 'erasure', 'delete', 'deletion', 'access', 'rectif\\w+', 'restrict\\w*', 'opt', 'data portability', 'portability', 'limit', 'correct\\w*', 'know', 'request')}`,
      ),
      strong: true,
    },
    { id: 'choice.withdraw-consent', pattern: rx('withdraw (?:your )?consent'), strong: true },
    {
      id: 'choice.controls',
      pattern: rx(
        alt(
          '(?:privacy|account|cookie|ad) settings',
          'data controls',
          'privacy controls',
          'preferences',
          'Do Not Track',
          'Global Privacy Control',
          'do not sell (?:or share )?my',
        ),
      ),
      strong: false,
    },
  ],
};
