/**
 * Phrase lists for page-kind detection. Phrases, not single words: "privacy" alone appears in every
 * footer and in news about privacy; "we collect" / "personal data" / "you agree" are what policies say.
 * English first, with French, German, Spanish, Italian and Dutch so foreign policies are still recognised
 * as policies (extraction then reports them unsupported by language).
 * @module
 */

/** Phrases a privacy policy / cookie policy uses about its own practices. */
export const PRIVACY_PHRASES: RegExp =
  /\b(?:personal (?:data|information)|information (?:we|that we) (?:collect|receive)|(?:we|may) (?:collect|disclose|share|process|retain|use) (?:your|the|this|personal|such|information|data)|third[- ]part(?:y|ies)|cookies?|data (?:controller|processor|protection|subjects?)|controller|legitimate interests?|(?:legal|lawful) basis|opt[- ]out|your (?:rights|choices|privacy|information|data)|gdpr|ccpa|retention|service providers|tracking technologies|web beacons|data transfers?|supervisory authority|données (?:personnelles|à caractère personnel)|responsable (?:du|de) traitement|vos (?:données|informations|droits)|traitements?|finalités?|destinataires|durée de conservation|droit d'accès|sous-traitants?|cnil|consentement|personenbezogenen? daten|datenschutz\w*|verantwortliche|verarbeitung|einwilligung|datos personales|dati personali|persoonsgegevens)\b/gi;

/** Phrases a terms of service / use uses about the agreement with the user. */
export const TERMS_PHRASES: RegExp =
  /\b(?:you agree|these terms|this agreement|the agreement|terms of (?:service|use)|terminat(?:e|ion)|(?:limitation of )?liabilit(?:y|ies)|indemnif\w*|warrant(?:y|ies)|governing law|arbitration|dispute|jurisdiction|licen[cs]e|you (?:may not|must not|shall not|must|represent)|prohibited|intellectual property|as is|breach|eligib\w+|shall|here(?:in|by|under|of|to)|there(?:of|under)|pursuant to|(?:general )?conditions of (?:use|sale|access)|conditions générales|vous acceptez|résiliation|nutzungsbedingungen|haftung|términos|condizioni)\b/gi;

/** Words that make a page read like news or a blog post rather than a document addressing "you". */
export const NEWS_PHRASES: RegExp =
  /\b(?:said|says|told|according to|reported|reporters?|spokes(?:man|woman|person)|interview(?:ed)?|last (?:week|month|year)|on (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday))\b/gi;

/**
 * The text naming itself as a privacy document ("this Privacy Policy", "this notice explains"): a policy
 * refers to itself over and over, while other pages only link to "our Privacy Policy".
 */
export const SELF_PRIVACY: RegExp =
  /\b(?:this|the present) (?:(?:global |online |website |customer |consumer |supplemental |us |eu |uk )?privacy (?:policy|notice|statement|and cookies? policy)|cookies? (?:policy|notice)|data (?:protection|privacy) (?:policy|notice|statement)|(?:privacy )?notice)\b|\b(?:cette|la présente) politique de confidentialité|\bdiese datenschutz\w*/gi;

/** The text naming itself as terms: "these Terms", "this Agreement", "these Conditions of Use". */
export const SELF_TERMS: RegExp =
  /\b(?:these|the present) (?:(?:general |user |customer |platform |service )?terms(?: of (?:service|use|sale))?|(?:general )?(?:terms and )?conditions(?: of (?:use|service|sale))?|terms & conditions)\b|\bthis (?:user |customer |service |subscription |license |licence )?agreement\b|\b(?:ces|les présentes) conditions\b|\bdiese (?:nutzungs)?bedingungen\b/gi;

/**
 * The text naming itself as another kind of page: guidelines, standards, a copyright or law-enforcement
 * policy, brand rules, an imprint.
 */
export const SELF_OTHER: RegExp =
  /\b(?:these|this|our) (?:community |content |brand |trademark |quality |review |advertising |editorial |creator |monetization |monetisation |partner |safety |live )?(?:guidelines|standards|rules of conduct)\b|\bthis (?:copyright|dmca|intellectual property|law enforcement|brand|trademark|editorial|accessibility|human rights|vulnerability disclosure|complaints?|anti-corruption|advertising|ad) (?:policy|guide|guidelines|statement|program)\b|\b(?:law enforcement|government) (?:agencies|authorities|officials|requests?)\b|\b(?:our|the) (?:logo|logos|brand assets|trademarks)\b|\bcounter-?notices?\b|\b(?:legal process|emergency disclosure requests?|subpoenas?|search warrants?)\b/gi;

/** Section headings of a privacy policy: what is collected, used, shared, kept, and the reader's rights. */
export const PRIVACY_SECTION: RegExp =
  /\b(?:information (?:we|that we) (?:collect|receive|share)|(?:personal )?(?:data|information) we collect|how we (?:use|share|collect|process|protect|store|disclose)|(?:sharing|disclosure|use) of (?:your )?(?:personal )?(?:data|information)|your (?:privacy )?(?:rights|choices)|(?:data )?retention|how long we (?:keep|retain)|cookies|children'?s? privacy|international (?:data )?transfers?|security of (?:your )?(?:data|information)|data (?:controller|protection officer)|legal bases?)\b/i;

/** Section headings of terms: the agreement's machinery. */
export const TERMS_SECTION: RegExp =
  /\b(?:terminat(?:ion|ing)|governing law|limitation of liability|(?:disclaimer|disclaimers)(?: of warrant(?:y|ies))?|warrant(?:y|ies)|indemni(?:fication|ty)|dispute resolution|arbitration|intellectual property|eligibility|(?:your|user) (?:content|conduct|obligations|account)|(?:fees|payment|billing|subscriptions?)|changes to (?:these|the) terms|acceptance of (?:these |the )?terms|licen[cs]e (?:grant|to use)|miscellaneous|entire agreement|severability|assignment)\b/i;

/** Title / main-heading phrases naming a privacy document. */
export const PRIVACY_TITLE: RegExp =
  /\b(?:privacy (?:policy|notice|statement|center|centre|and cookie|& cookie)|privacy$|^privacy\b|data (?:protection|privacy) (?:policy|notice|statement)|cookies? (?:policy|notice|statement)|politique (?:de confidentialité|de protection des données|des cookies|relative aux cookies)|protection des données|datenschutz\w*|cookie-richtlinie|política de (?:privacidad|cookies)|informativa (?:sulla )?privacy|privacybeleid|privacyverklaring)/i;

/** Title / main-heading phrases naming terms of service. */
export const TERMS_TITLE: RegExp =
  /\b(?:terms (?:of (?:service|use|sale)|and conditions|& conditions)|terms$|^terms\b|conditions (?:of use|of service|générales)|user agreement|(?:eula|end user licen[cs]e agreement)|legal terms|nutzungsbedingungen|allgemeine geschäftsbedingungen|agb|términos (?:y condiciones|de (?:uso|servicio))|termini (?:di servizio|e condizioni)|gebruiksvoorwaarden|cgu|cgv)\b/i;

/**
 * Title / main-heading phrases of legal-looking pages that are NOT privacy policies or terms: imprint,
 * community guidelines, copyright/DMCA, security disclosure, sub-processor lists, help articles.
 */
export const OTHER_LEGAL_TITLE: RegExp =
  /\b(?:imprint|impressum|legal notices?|mentions légales|aviso legal|(?:community|platform|house) (?:guidelines|standards|rules)|(?:brand|trademark|editorial|review|quality|advertising|content|intellectual property) (?:guidelines|standards|policy)|copyrights?|dmca|trademarks?|vulnerability|(?:responsible|coordinated) disclosure|bug bounty|sub-?processors?|acceptable use|law enforcement|transparency report|help center|faq)\b/i;

/** A bare "Legal" page title or heading: weak evidence for either kind. */
export const LEGAL_TITLE: RegExp = /^legal(?: (?:center|centre|hub|information|terms))?(?:\s*[|\-–—:·]|$)/i;

/** URL path segments. */
export const PRIVACY_URL: RegExp =
  /(?:privacy|datenschutz|confidentialit|cookie|privacidad|donnees-personnelles|gdpr)/i;
export const TERMS_URL: RegExp =
  /(?:terms|tos\b|conditions|legal\/?(?:user-)?agreement|eula|nutzungsbedingungen|agb\b|\bcgu\b|\bcgv\b|terminos)/i;
export const OTHER_LEGAL_URL: RegExp =
  /(?:imprint|impressum|legal-notice|mentions-legales|guidelines|copyright|dmca|security|disclosure|subprocessor|blog|news|article|\/\d{4}\/\d{2}\/)/i;

/** Count matches of a global regex in `text` (the regex's lastIndex is reset). */
export function countMatches(re: RegExp, text: string): number {
  re.lastIndex = 0;
  let n = 0;
  while (re.exec(text)) n++;
  return n;
}
