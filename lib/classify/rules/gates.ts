/**
 * Clause shapes the data guide rules out of a category whatever the model scores (data/GUIDE.md §3, settled
 * 2026-12-07). The rule families' vetoes only keep a rule from firing; the model, reading the same words
 * ("licence", "disclosed to third parties"), still scores these shapes high, so the classifier asks here
 * before it paints or lists a label. Each gate names a shape that is a different statement, not a weak one.
 * @module
 */
import type { CategoryId } from '../taxonomy';
import { aiTrainingGatedOut } from './ai-training-gates';
import { contentLicense } from './content-license';

/**
 * A California "Shine the Light" right (Civil Code § 1798.83): the user may ask what was disclosed to third
 * parties for *their* direct marketing. It names a right to ask, not a disclosure (user-choice only).
 */
const SHINE_THE_LIGHT_LAW = /\b(?:Shine the Light|1798\.83|California)\b/i;
const ASK = /\b(?:request|ask|obtain|entitled to (?:receive|know)|right to (?:receive|know))\b/i;
const FOR_THEIR_MARKETING = /\bdirect marketing\b|\btheir (?:own )?marketing\b/i;
/** The company's own statement of the practice beside the right: "We do not share … for their marketing." */
const OWN_STATEMENT =
  /(?:^|[.;:]\s+|\band\s+|,\s+but\s+)we (?:(?:do not|don't|will not|won't|never|may|will|also|can)\s+)?(?:share|disclose|sell|rent)\b/i;

export function isShineTheLightRight(text: string): boolean {
  return (
    SHINE_THE_LIGHT_LAW.test(text) &&
    ASK.test(text) &&
    FOR_THEIR_MARKETING.test(text) &&
    !OWN_STATEMENT.test(text)
  );
}

/** A licence or right granted to the user, or its end ("your right to use the Website terminates"). */
const TO_THE_USER: readonly RegExp[] = [
  ...(contentLicense.vetoes ?? []),
  /\byour (?:limited |personal )?(?:licen[cs]e and |right to )(?:access|use)\b/i,
  /\bgrant(?:s|ed)? (?:to )?the (?:end )?user\b/i,
  /\b(?:licen[cs]e|right) (?:is )?(?:granted )?to (?:you|the (?:end )?user)\b/i,
];
/** The user granting rights over their content: a content licence, whatever else the sentence says. */
const USER_GRANTS =
  /\byou (?:hereby )?(?:grant|give|assign|license)\b|\bgrant(?:s|ing)? (?:to )?us\b|\b(?:your|user|member|customer)s?'? (?:content|submissions?|posts|uploads)\b|\bcontent (?:that )?you (?:post|upload|submit|share|provide|create)\b/i;

export function isLicenceToTheUser(text: string): boolean {
  return TO_THE_USER.some((re) => re.test(text)) && !USER_GRANTS.test(text);
}

/**
 * A change the company may make to the product — the service, its features, its prices or fees — that names
 * no terms or policy (guide §3 unilateral-change, "Not"): "we may modify or discontinue features at any
 * time", "prices may change". Quoted text (a cross-reference to a section called "Changes to the Terms")
 * names no change.
 */
const PRODUCT = String.raw`(?:services?|features?|functions?|functionality|prices?|pricing|fees?|charges?|rates?|plans?|channels?|offerings?|products?|website|site|apps?|application|platform)`;
const PRODUCT_CHANGE: readonly RegExp[] = [
  new RegExp(
    String.raw`\b(?:we|[A-Z][\w.&-]+) (?:may|might|can|will|(?:reserves?|retains?|ha(?:ve|s)) the right to)\b[^.;:]{0,30}?\b(?:modify|change|alter|suspend|discontinue|withdraw|add|remove|increase|adjust|raise|update)\b[^.;:]{0,40}?\b${PRODUCT}\b`,
    'i',
  ),
  new RegExp(
    String.raw`\b${PRODUCT}\b[^.;:]{0,30}?\b(?:may|might|can|will|are subject to|is subject to) (?:be )?(?:change|changed|vary|varied|increase|increased|adjusted)\b|\bincrease (?:in|of) (?:the |any |your )?(?:[\w-]+ )?(?:prices?|fees?|charges?)\b`,
    'i',
  ),
];
/**
 * What the terms are called, or "the changes" they speak of ("if you do not accept the changes, close your
 * account"): a change to the terms, whatever else the sentence names.
 */
const TERMS_NAMED =
  /\b(?:terms|polic(?:y|ies)|agreement|conditions|contract|EULA|(?:privacy|this|our) (?:notice|statement)|guidelines|rules|(?:this|the) page|changes? in (?:the )?law)\b|\b(?:the|any|such|these|those|material|relevant) (?:changes|modifications|updates|amendments)\b/i;

export function isProductChange(text: string): boolean {
  const unquoted = text.replace(/"[^"]{1,120}"/g, ' ');
  return PRODUCT_CHANGE.some((re) => re.test(unquoted)) && !TERMS_NAMED.test(unquoted);
}

/**
 * Data that others give the company: "the companies we obtain your details from", "advertising
 * partners can send us details of your phone" (guide §3 data-sharing, "Not": collecting from third parties
 * is collection, not sharing).
 */
const INBOUND =
  /\b(?:we|us) (?:may |also |can |might |will |sometimes |regularly )*(?:receive|obtain|get|acquire|buy|purchase|are (?:given|sent|provided))\b[^.;]{0,60}?\bfrom\b|\b(?:receive[ds]?|obtain(?:s|ed)?|acquired|purchased) (?:\w+ ){0,3}?from (?:(?:our|these|such|the|other|certain|trusted) )*(?:partners?|third[- ]part(?:y|ies)|sources?|providers?|companies|data brokers?|affiliates?|advertisers?)\b|\b(?:partners?|third[- ]part(?:y|ies)|sources?|they|others|companies|affiliates?|advertisers?|brokers?)\b (?:\w+ ){0,4}?(?:shar(?:e|es|ed|ing)|disclos(?:e|es|ed|ing)|provid(?:e|es|ed|ing)|giv(?:e|es|ing)|gave|given|send(?:s|ing)?|sent|pass(?:es|ed|ing)?|transfer(?:s|red|ring)?)\b(?: us\b|[^.;]{0,50}?\b(?:with|to) us\b)|\b(?:giving|give|provide|providing|send|sending|pass|passing) us (?:any |some |certain |all )?(?:of )?(?:it\b|them\b|(?:your |the |their |personal )*(?:data|information|details)\b)/i;
/**
 * A disclosure by the company, others collecting from the user or on the company's services, providers that
 * work for it ("these companies provide us with services"), the company and its partners using data together,
 * or a request (from authorities) that leads to a disclosure: sharing.
 */
const OUTBOUND =
  /\bwe (?:\w+ ){0,3}?(?:share|shares|disclose|sell|rent|transfer|provide|give|send|pass|make available|transmit|release|allow|permit|enable|let)\b|\b(?:shared|disclosed|provided|made available|transferred|sent|passed|given|sold|released) (?:\w+ ){0,2}?(?:to|with) (?!us\b)|\b(?:to|with) (?:and|or) (?:from|with)\b|\bfrom (?:you|your (?:device|browser)s?|our (?:sites?|services?|apps?|platform|websites?))\b|\b(?:service providers?|processors?|vendors?|sub-?processors?)\b|\b(?:share|disclose|sell|pass|transfer|send|give|provide)s?\b[^.;]{0,50}?\b(?:with|to) (?!us\b)(?:our|their|its|the|other|third|partners|advertisers|affiliates|service|law|government|authorities|such|these|those|them|certain|select|any)\b|\brequests?\b|\bus and (?:our|their|to|with)\b|\bprovid\w* us (?:with )?(?:\w+ )?(?:tools|services|products|software|support)\b|\bservices? (?:to|for) us\b|\b(?:we|us),? and (?:our|its|certain|select) (?:[\w-]+ )?(?:partners|affiliates|vendors|advertisers)\b/i;

export function isInboundOnly(text: string): boolean {
  return INBOUND.test(text) && !OUTBOUND.test(text);
}

/**
 * Terms for the business customer who buys ads (an advertiser's obligations, how its ads are served, billed
 * or measured): its own ads, not the use of a user's data to target them (guide §3 targeted-advertising,
 * "Not": the mere presence of ads or ad placement), and nothing of a user's data is disclosed. The customer
 * is a defined party ("Customer"), and the clause names no person, data, targeting or pixel (a rule on how the
 * advertiser may target or track people is a user prohibition, §4.2 R8, and stays).
 */
const BUSINESS_CUSTOMER =
  /\b(?:Customer|Advertiser)(?:'s|s')? (?:will|shall|must|may|agrees?|acknowledges?|is|are|sole|only|own|Ads?|campaigns?|tags?)\b/;
const AD_OPERATIONS =
  /\b(?:Ads?|campaigns?|impressions?|Programmes?|Programs?|ad servers?|CPM|invoices?|billing|creatives?)\b/;
const ABOUT_PEOPLE =
  /\b(?:you|your|users?|end[- ]users?|personal|data|information|identifiers?|cookies?|profil\w*|individuals?|people|persons?|consumers?|visitors?|audiences?|interests?|behaviou?r\w*|pixels?|(?:re)?target\w*|remarket\w*|personali[sz]\w*)\b/i;

export function isAdvertiserTerms(text: string): boolean {
  return BUSINESS_CUSTOMER.test(text) && AD_OPERATIONS.test(text) && !ABOUT_PEOPLE.test(text);
}

/** Whether the guide rules `category` out of a clause with this text (then no label, painted or possible). */
export function gatedOut(category: CategoryId, text: string): boolean {
  switch (category) {
    case 'data-sharing':
      return isShineTheLightRight(text) || isInboundOnly(text) || isAdvertiserTerms(text);
    case 'targeted-advertising':
      return isShineTheLightRight(text) || isAdvertiserTerms(text);
    case 'content-license':
      return isLicenceToTheUser(text);
    case 'unilateral-change':
      return isProductChange(text);
    case 'ai-training':
      return aiTrainingGatedOut(text);
    default:
      return false;
  }
}
