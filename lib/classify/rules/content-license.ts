import { alt, rx } from './build';
import type { RuleFamily } from './types';

const LICENCE = 'licen[cs]e';

/** A licence the user grants the company over what they post or upload. */
export const contentLicense: RuleFamily = {
  category: 'content-license',
  cue: /licen[cs]e/i,
  userNegation: 'user-prohibited',
  // A licence granted *to* the user (to use the app) is the reverse relationship.
  vetoes: [
    /\bgrants? (?:to )?you\b/i,
    /\blicen[cs]e to (?:access and )?use the (?:services?|software|apps?|site|platform)\b/i,
  ],
  patterns: [
    { id: 'license.grant', pattern: rx(`grant(?:s|ing)?\\b[^.;]{0,160}?\\b${LICENCE}`), strong: true },
    {
      id: 'license.terms',
      pattern: rx(
        `${alt('royalty-free', 'sub-?licensable', 'perpetual', 'irrevocable', 'transferable', 'worldwide')}\\b[^.;]{0,80}?\\b${LICENCE}`,
      ),
      strong: true,
    },
    {
      id: 'license.to-use',
      pattern: rx(
        `${LICENCE}\\b[^.;]{0,60}?\\bto (?:use|host|store|reproduce|modify|distribute|publish|display)`,
      ),
      strong: false,
    },
  ],
};
