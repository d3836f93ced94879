import { alt, rx } from './build';
import type { RuleFamily } from './types';

const LICENCE = 'licen[cs]e';
const RIGHTS = `(?:${LICENCE}|(?:the |a |all )?rights? to|right,? (?:title|to use))`;

/** A licence the user grants the company over what they post or upload. */
export const contentLicense: RuleFamily = {
  category: 'content-license',
  cue: /licen[cs]e|grant|assign|rights?\b|feedback|suggestions|ideas/i,
  userNegation: 'user-prohibited',
  // "This license does not grant us the right to sell your content" states the licence's scope; only a
  // statement that no licence or ownership is taken is a denial (data guide §3).
  denialNeeds: /\b(?:claim|take|acquire|own)s?\b[^.;]{0,30}\b(?:ownership|licen[cs]e|rights?)\b/i,
  // A licence granted *to* the user (to use the app) is the reverse relationship.
  vetoes: [
    /\bgrants? (?:to )?you\b/i,
    /\b(?:gives?|granted to|issued to) you\b/i,
    /\bpurchase an?\b[^.;]{0,100}\blicen[cs]e\b/i,
    /\blicen[cs]e to (?:access and )?use the (?:services?|software|apps?|site|platform)\b/i,
    // The user as the one who receives or holds it: "you receive a personal licence to play", "your licence
    // to access the platform", "we license the software to you", "the Provider grants the Customer".
    /\byou (?:are|will be|have been) granted\b/i,
    /\byou (?:receive|obtain|get) an? \b[^.;]{0,80}?\blicen[cs]e\b/i,
    /\byour licen[cs]e to (?:access|use)\b/i,
    /\blicen[cs]es? (?:it|them|the \w+) to you\b/i,
    /\bgrants? (?:to )?the (?:customer|user|subscriber)\b/i,
  ],
  patterns: [
    { id: 'license.grant', pattern: rx(`grant(?:s|ing)?\\b[^.;]{0,160}?\\b${RIGHTS}`), strong: true },
    {
      id: 'license.terms',
      pattern: rx(
        `${alt('royalty-free', 'sub-?licensable', 'perpetual', 'irrevocable', 'transferable', 'worldwide')}\\b[^.;]{0,80}?\\b${RIGHTS}`,
      ),
      strong: true,
    },
    {
      id: 'license.this-license',
      pattern: rx(
        `(?:this|the|these|such) ${LICENCE}(?: grants?)? (?:also )?(?:includes?|authori[sz]es|allows|permits|applies|apply|does not grant)`,
      ),
      strong: false,
    },
    {
      id: 'license.assign',
      pattern: rx('(?:hereby )?assigns? to (?:us|[A-Z][\\w.]+) all (?:right|rights)'),
      strong: false,
    },
    {
      id: 'license.feedback',
      pattern: rx(
        `(?:use|exploit)\\b[^.;]{0,60}?\\b(?:feedback|ideas|suggestions)\\b[^.;]{0,80}?\\bwithout (?:any )?(?:compensation|obligation|restriction|attribution)`,
      ),
      strong: false,
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
