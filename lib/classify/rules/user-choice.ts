import { alt, near, rx } from './build';
import type { RuleFamily } from './types';

/** Settings, opt-outs, objections and rights the user can exercise. */
export const userChoice: RuleFamily = {
  category: 'user-choice',
  cue: /opt|unsubscribe|right to|withdraw|settings|controls|preferences|do not track|global privacy|do not sell|you (?:can|may|could|are able|have the)|you're able|supervisory|complaint|exercis|request|with your|agent/i,
  userNegation: 'denies',
  // A right the company keeps for itself ("we reserve the right to delete…", "Acme has the right to restrict
  // access") is no choice of the user's, though its words are a data-subject right's (training-service CV:
  // 7 clauses that fired choice.right-to this way, none labelled user-choice). Case-sensitive: a capital marks
  // a company's name, and "You have the right to…" stays.
  vetoes: [
    /\b(?:[Ww]e|[A-Z][\w&.-]*) (?:reserves?|retains?) the right\b/,
    /\b(?:[Ww]e|(?!(?:You|Users?|Consumers?|Residents?|Individuals?|Customers?|Members?|Visitors?|Subscribers?|Parents?)\b)[A-Z][\w&.-]*) (?:has|have) the right to\b/,
  ],
  patterns: [
    // The user holding a right: "you have the right to object", "residents may have the right to…" (training-
    // service CV: 113 of 115 clauses, 32 groups). First, so that it is the hit the model and the trusted-rule
    // check see. Not a contract's rights (to terminate, cancel, assign, withdraw from it, a refund or
    // compensation) or a warranty that the user may grant a licence; not "you do not have the right to" (only
    // these words may come between).
    {
      id: 'choice.have-right',
      pattern: rx(
        `${alt('you', 'users?', 'consumers?', 'residents?', 'data subjects?', 'individuals?')}(?: ${alt('also', 'may', 'might', 'will', 'always', 'now', 'further', 'each', 'generally', 'all')})* ${alt('have', 'has')} (?:the|a|an) (?:[\\w-]+ ){0,2}?rights? (?:to|of) (?!${alt('grant', 'licen[cs]e', 'share', 'terminate', 'cancel', 'claim', 'assign', 'withdraw from', 'post', 'upload', 'access or use', 'request (?:a |the |this )?refund', 'claim (?:a |the )?refund', 'compensation', 'damages')}\\b)`,
      ),
      strong: true,
    },
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
            // Training-service CV: these verbs after "you can / may" are user-choice in 39 of 42 clauses.
            'request\\w*',
            'ask',
            'updat\\w*',
            'edit',
            'close',
            'unlink',
            'disconnect',
            'dissociat\\w*',
            'select',
            'set',
            'revok\\w*',
            'reject',
            'cancel',
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
    // Also "withdraw such consent", "withdrawal of consent" (training-service CV: 49 of 51 clauses, 20 groups).
    {
      id: 'choice.withdraw-consent',
      pattern: rx(
        alt(
          'withdraw(?:s|ing)? (?:of )?(?:your |such |this |their |the |any )?consent',
          'withdrawal of (?:your |such |this |their |the |any )?consent',
        ),
      ),
      strong: true,
    },
    // A data-subject request and how it is handled: verifying it, an authorised agent making it (40 of 49
    // clauses, 12 groups).
    {
      id: 'choice.rights-request',
      pattern: rx(
        alt(
          '(?:verifiable|privacy|consumer|data subject|deletion|access|rights?) requests?',
          'authori[sz]ed agents?',
        ),
      ),
      strong: false,
    },
    // No bare "preferences" or "privacy controls": on training services they were user-choice in 8 of 24 and
    // 0 of 5 clauses (browser preferences, "consistent with your preferences").
    {
      id: 'choice.controls',
      pattern: rx(
        alt(
          '(?:privacy|account|cookie|ad) settings',
          'data controls',
          'Do Not Track',
          'Global Privacy Control',
          'do not sell (?:or share )?my',
        ),
      ),
      strong: false,
    },
    // A complaint to a data-protection authority is a data-subject right (training-service CV: 9/9 labelled).
    {
      id: 'choice.complaint',
      pattern: rx(
        alt('supervisory authorit(?:y|ies)', '(?:lodge|file|make|submit) a complaint', 'right to complain'),
      ),
      strong: false,
    },
    // How to exercise a right: "to exercise these rights, contact…", "submit a request to delete your data".
    {
      id: 'choice.exercise',
      pattern: rx(
        alt(
          'exercis(?:e|ing) (?:this|these|your|any of these|such|any of your|the) (?:privacy |data protection |statutory )?(?:rights?|choices?)',
          'submit (?:a|your) (?:privacy )?request',
          'request (?:to|that we) (?:access|delete|correct)',
        ),
      ),
      strong: false,
    },
    // Consent as the gate: "with your permission", "with your explicit consent" (not "without").
    {
      id: 'choice.with-consent',
      pattern: rx('with your (?:prior |express |explicit )?(?:permission|consent)'),
      strong: false,
    },
  ],
  // A list item under "You have the following rights:" / "…controls:" is one of the rights it announces.
  leadInPatterns: [
    {
      id: 'choice.lead-in',
      // Not `rx`: the lead-in ends with the colon, where a trailing \b cannot match.
      pattern: new RegExp(
        `\\b${alt('following (?:rights|controls|choices|options|tools)', '(?:have|has) the (?:following )?rights?', 'right to', 'controls?')}\\b[^.]*:\\s*$`,
        'i',
      ),
      strong: false,
    },
  ],
};
