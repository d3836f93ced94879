import { alt, near, rx } from './build';
import type { RuleFamily } from './types';

const DOC = alt(
  'terms',
  'agreement',
  'polic(?:y|ies)',
  'privacy (?:policy|notice|statement)',
  'notice',
  'conditions',
  'terms of (?:service|use)',
  'statement',
);

/** The company may change the terms or policy on its own (service changes are weak cues only). */
export const unilateralChange: RuleFamily = {
  category: 'unilateral-change',
  cue: /chang|modif|amend|updat|revis|replac|reserve|discontinu|suspend|continu|failure to/i,
  userNegation: 'user-prohibited',
  // Table-of-contents links ("Changes to this Policy](#section-8)") name a section; they state nothing.
  vetoes: [/^[^[]{0,120}\]\(#/],
  patterns: [
    {
      id: 'change.modify-terms',
      pattern: rx(
        near(
          alt(
            'chang(?:e|es|ed)',
            'modif(?:y|ies|ied|ications?)',
            'amend(?:s|ed|ments?)?',
            'updat(?:e|es|ed)',
            'revis(?:e|es|ed|ions?)',
            'replace',
          ),
          `(?:these|this|the|our) ${DOC}`,
          6,
        ),
      ),
      strong: true,
    },
    // "reserves the right to modify these Terms"; not "…to suspend any payment" (data guide §3: the terms or
    // policy, not the service).
    {
      id: 'change.reserve-right',
      pattern: rx(
        near(
          near(
            'reserves? the right',
            alt('chang\\w+', 'modif\\w+', 'amend\\w*', 'updat\\w+', 'revis\\w+'),
            4,
          ),
          `(?:these|this|the|our|its|any) ${DOC}`,
          6,
        ),
      ),
      strong: true,
    },
    // "Your continued use … constitutes acceptance of the amended terms" (data guide §3: continued use means
    // acceptance). Training-service CV: 7/7 of these clauses are labelled unilateral-change.
    {
      id: 'change.continued-use',
      pattern: rx(
        alt(
          `continu\\w* (?:to )?(?:use|using|access\\w*)\\b[^.;]{0,100}\\b${alt('accept\\w*', 'agree\\w*', 'bound', 'consent\\w*')}`,
          `${alt('accept\\w*', 'agree\\w*', 'bound', 'consent\\w*')}\\b[^.;]{0,60}\\bcontinu\\w* (?:to )?(?:use|using|access\\w*)`,
          'failure to (?:cancel|stop|cease)',
        ),
      ),
      strong: false,
    },
    // How changes are announced: "we will notify you of material changes", "inform you of the intended change".
    {
      id: 'change.notice-of-changes',
      pattern: rx(
        `${alt('notice', 'notif\\w*', 'inform\\w*', 'tell')} (?:you )?(?:of |about )?(?:the |any |such |these |material )*(?:intended |proposed |upcoming )?${alt('changes?', 'amendments?', 'modifications?', 'updates?')}`,
      ),
      strong: false,
    },
    // Rejecting a change: "if you do not agree to the updated Terms", "you may reject any such change".
    {
      id: 'change.reject-changes',
      pattern: rx(
        `${alt('reject', 'do not agree (?:to|with)', "don't agree (?:to|with)", 'disagree with', 'object to')} (?:(?:any|such|the|these|those) )*${alt('changes?', 'amendments?', 'updated', 'revised', 'modifications?', 'amended')}`,
      ),
      strong: false,
    },
    {
      id: 'change.service',
      pattern: rx(
        near(
          alt('discontinue', 'suspend', 'modify', 'change'),
          alt('(?:the |our |any )?services?', 'features?', 'functionalit(?:y|ies)', 'prices', 'fees'),
          4,
        ),
      ),
      strong: false,
    },
  ],
};
