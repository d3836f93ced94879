import { alt, rx } from './build';
import type { RuleFamily } from './types';

/** Targeted or behavioural advertising and marketing profiling. */
export const targetedAdvertising: RuleFamily = {
  category: 'targeted-advertising',
  cue: /\bads?\b|advert|marketing|targeting|retarget|remarket/i,
  userNegation: 'user-prohibited',
  patterns: [
    {
      id: 'ads.targeted',
      pattern: rx(
        `${alt('targeted', 'interest[- ]based', 'personali[sz]ed', 'behaviou?ral', 'tailored', 'relevant', 'customi[sz]ed', 'cross-context behaviou?ral', 'online behaviou?ral')}\\s+(?:ads|advertising|advertisements?|adverts|marketing)`,
      ),
      strong: true,
    },
    {
      id: 'ads.target-ads',
      pattern: rx(
        '(?:target|personali[sz]e|tailor)(?:s|ed|ing)? (?:the )?(?:ads|advertising|advertisements)',
      ),
      strong: true,
    },
    {
      id: 'ads.show-ads',
      pattern: rx(
        '(?:show|serve|deliver|display)(?:s|ed|ing)? (?:you )?(?:more )?(?:relevant |personali[sz]ed )?(?:ads|advertis\\w+)',
      ),
      strong: false,
    },
    {
      id: 'ads.ad-partners',
      pattern: rx(
        alt(
          'advertising (?:partners|networks?|companies|cookies|ids?|identifiers?)',
          'ad (?:partners|networks?)',
          'retargeting',
          'remarketing',
        ),
      ),
      strong: false,
    },
  ],
};
