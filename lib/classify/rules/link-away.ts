/**
 * A link that takes the user to another site, whose own privacy policy then applies (data/GUIDE.md §3
 * data-sharing, "Not", settled 2026-12-07, session 10): "If you follow a link to a third-party page you are
 * redirected there and its privacy policy applies". The user leaves; nothing is passed by the company. The model
 * reads "third party", "share" and "privacy policy" and scores a disclosure. A sentence in which the company
 * passes data, or in which the other site collects on the company's pages (cookies, pixels, plug-ins), keeps the
 * label. Text arrives in ASCII punctuation.
 * @module
 */

const LINK_AWAY =
  /\blinks?\b|\bredirect\w*|\b(?:leave|leaving|exit|exiting) (?:our|the|this) (?:site|website|service|app|platform)\b|\b(?:click|press|tap)\w* (?:on )?(?:a|any|an|the) (?:[\w-]+ )?(?:link|button)\b|\btakes? you to\b/i;
const OTHER_POLICY =
  /\b(?:subject to|governed by|apply|applies|read|review|check|consult) (?:to )?(?:the|their|its|this|that|those|such) (?:[\w-]+ ){0,4}?(?:privacy (?:policy|policies|notices?|statements?|practices)|terms)\b|\bnot responsible for (?:the )?(?:privacy|content|practices|policies)\b|\b(?:their|its|[\w-]+'s) own (?:privacy )?(?:policy|policies|notices?|practices|terms)\b|\bprivacy (?:policy|policies|notices?|statements?) (?:\w+ ){0,3}?appl(?:y|ies)\b/i;
const COMPANY_PASSES =
  /\b(?:we|us) (?:\w+ ){0,3}?(?:share|shares|disclose|sell|rent|transfer|provide|pass|send|give|make available)\b|\b(?:shared|disclosed|passed|transferred|sent|provided|made available|given) (?:\w+ ){0,2}?(?:to|with) (?!you\b)|\bcollect\w*|\bcookies?\b|\bpixels?\b|\bplug-?ins?\b|\bwidgets?\b|\bSDKs?\b|\btrack\w*|\bembedded\b|\bintegrat\w*/i;

export function isLinkAwayOnly(text: string): boolean {
  return LINK_AWAY.test(text) && OTHER_POLICY.test(text) && !COMPANY_PASSES.test(text);
}
