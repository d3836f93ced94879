/**
 * Plain-language explanations: one per label, from the category × stance table and the slots that sentence
 * reports (./templates.ts), written with any `_locales` catalogue. Kept apart from ./index.ts (which adds the
 * English default) so the page's script and the popup render in the UI language without bundling the English
 * catalogue a second time.
 * @module
 */
import { asciiPunctuation } from '../ascii-punctuation';
import type { MessageKey, Translate } from '../i18n';
import { deniedUntilConsent } from './consent-first';
import {
  isCancellationRight,
  isStopUsingRight,
  licenceToOtherUsers,
  ownershipPasses,
} from './contract-shapes';
import { conditionalNotice } from './conditional-notice';
import type { AnalysedClause, Label, Slots } from '../types';
import { safeguardItemSlots } from './list-item-slots';
import { shownToOtherUsers } from './audience';
import { splitRoute } from './route';
import { extractSlots, speaksOfData } from './slots';
import { choiceText, conditionText, isEnglish, listAnd, slotTexts } from './slot-text';
import { SHAPE_KEYS, SLOT_KEYS, TEMPLATES, sentenceKey, type Tail } from './templates';

/** "Personal information does not include de-identified or aggregated information." */
const DEIDENTIFIED_EXCLUDED =
  /\b(?:personal (?:data|information)|personally identifiable information|PII)\b[^.;]{0,60}\b(?:does not|doesn't|do not|shall not|will not|excludes?|is not|are not)\b[^.;]{0,20}\b(?:include|cover|considered|mean|treated)?[^.;]{0,80}\b(?:de-?identified|anonymi[sz]ed|aggregated?|anonymous)\b|\b(?:de-?identified|anonymi[sz]ed|aggregated?|anonymous) (?:data|information)\b[^.;]{0,40}\b(?:is|are) not (?:considered |treated as )?personal\b/i;

/** The ways marketing reaches the user that both patterns below name. */
const CHANNELS =
  'e-?mails?|e-?mailing|newsletters?|mailings?|post(?:al)? (?:mail|address)|by post|catalog(?:ue)?s?|magazines?|bulletins?|digests?|text messages?|texts? you|SMS|push notifications?|call you|contact you|unsubscribe';
/**
 * The company's own marketing messages (guide §3 counts them as targeted-advertising): a channel of direct
 * marketing, and nothing of ads, tracking or profiling, so "to target ads at you" would invent a practice the
 * clause does not state.
 */
const DIRECT_MARKETING = new RegExp(
  `\\b(?:${CHANNELS}|(?:tele)?phone calls?|(?:marketing|promotional) (?:communications?|messages?|materials?|e-?mails?|efforts?|preferences)|direct marketing|joint marketing|marketing activities|marketing of (?:our|its|their) (?:own )?(?:products|services)|information (?:on|about) (?:our|its) (?:products|services)|(?:special |exclusive |partner )?offers|promotions?|campaigns?|fundraising appeals?)\\b`,
  'i',
);
// Profiling, not "your profile" (the user's own account page, where marketing settings often live).
const ADS_OR_TRACKING =
  /\b(?:ads?|advert\w*|cookies?|pixels?|track\w*|profiling|profiled|interest-based|behaviou?ral|retarget\w*|remarket\w*|cross-(?:site|device|context)|audiences?|personali[sz]ed)\b/i;
/**
 * A channel the marketing reaches the user by: only then may the card say "messages, e-mails or post". Marketing
 * named without one ("to enable marketing of our services", "offers in the launcher") gets the plainer sentence.
 */
const MARKETING_CHANNEL = new RegExp(
  `\\b(?:${CHANNELS}|mail you|(?:tele)?phone|calls|communications?|messages?|receiv\\w* (?:our |direct )?marketing|(?:provide|send) you (?:with )?information)\\b`,
  'i',
);

/**
 * Ad measurement: following what users do after an ad to count results or pay the channel. Guide §3 counts it
 * as targeted-advertising, but "to target ads at you" would say more than the clause does.
 */
const AD_MEASUREMENT =
  /\bhow (?:our |their |the |your )?(?:[\w-]+ )?(?:ads?|advertis\w+|campaigns?) (?:are|is) (?:doing|performing)\b|\b(?:measur\w+|calculat\w+|statistic(?:s|al)|attribut\w+|conversions?|effectiveness|efficacy)\b|\bhow (?:well )?(?:our |their |the )?(?:ads?|advertis\w+|campaigns?) (?:perform|work)|\bhow (?:useful|effective|well|successful) (?:our |their |the )?(?:ads?|advertis\w+|campaigns?|marketing)\b/i;
/**
 * Collection around ads or marketing ("when you view one of our ads or read our newsletters, we collect
 * information about you via cookies"), with no targeting in the clause: what is collected, not what is aimed.
 */
const COLLECTS = /\b(?:we|they)\b(?: \w+){0,2} collect(?:s|ed)?\b/i;
// "How useful our marketing is" measures marketing as ads are measured (settled 2026-12-07).
/**
 * Marketing fitted to the user's interests ("marketing e-mails may be tailored to your interests"): more than
 * their own marketing, and no ads (issue 23, v11 tailoring-omitted).
 */
const TAILORED_MARKETING =
  /\b(?:tailor\w*|personali[sz]\w*|customi[sz]\w*|adapt\w*) (?:to|based on|according to|for) (?:your|their|the user's) (?:[\w-]+ )?(?:interests?|preferences)\b/i;
const ADS = /\b(?:ads?|advert\w*|campaigns?|marketing)\b/i;
const TARGETING =
  /\b(?:target\w*|personali[sz]\w*|interest-based|interests?|tailor\w*|relevant|adapt\w*|retarget\w*|remarket\w*|profil\w*|based on (?:your|the)|show(?:ing)? you|serve you|deliver\w* (?:ads|advertis\w+))\b/i;

/**
 * Arbitration clauses that do something other than send disputes to arbitration (guide §3 counts them all
 * as arbitration): a carve-out that keeps some disputes in court, a jury or class-action waiver without
 * arbitration, and arbitration the user may choose.
 */
const SMALL_CLAIMS = /\bsmall[- ]claims?\b/i;
const INJUNCTION = /\binjunct\w*|\brestraining order\b|\bequitable relief\b/i;
const IP_CLAIMS = /\bintellectual[- ]property\b|\b(?:patents?|copyrights?|trademarks?|trade secrets?)\b/i;
const IN_COURT = /\bcourts?\b|\blitigat\w+/i;
/** A carve-out in so many words: "are not subject to arbitration", "excluded from this arbitration provision". */
const NOT_ARBITRATED =
  /\bnot (?:be )?(?:subject to|required to|covered by) (?:this |the |these )?(?:arbitrat\w*|agreement to arbitrate)|\bexclud\w+ from (?:this |the )?arbitration\b|\bexceptions? (?:to|from) (?:this |the )?(?:arbitration|agreement to arbitrate)|\bnot in arbitration\b/i;
/** The clause itself sends disputes to arbitration, beside any exception. */
const TO_ARBITRATION =
  /\b(?:shall|will|must|are to|is to) (?:be )?(?:resolved|settled|decided|determined|submitted|referred|heard)? ?(?:exclusively |solely |only |finally )?(?:by|through|in|to) (?:final (?:and )?)?(?:binding )?(?:individual )?arbitration\b|\bagrees? (?:to|that) (?:[\w,]+ ){0,6}arbitrat\w*|\b(?:any|the|all|each) arbitration (?:will|shall|must) (?:occur|take place|be (?:conducted|held|administered))\b/i;
const ARBITRATION_WORD = /\barbitra\w*/i;
const JURY_WAIVER =
  /\b(?:waiv\w*|give up|relinquish\w*)\b[^.;]*\bjury\b|\bjury\b[^.;]{0,40}\bwaiv\w*|\bno right to (?:a )?(?:trial by )?jury\b/i;
const CLASS_WAIVER =
  /\bclass(?:-| )actions?\b|\bclass,? (?:collective|consolidated|representative)\b|\brepresentative (?:actions?|proceedings?)\b/i;
/** Arbitration the user may choose: "you may invoke binding arbitration", "at your election". */
const OPTIONAL_ARBITRATION =
  /\byou (?:may|can|could) (?:also )?(?:invoke|elect|choose|opt for)\b[^.;]{0,30}\barbitrat\w*|\bat your (?:option|election|choice)\b[^.;]{0,40}\barbitrat\w*|\barbitrat\w*[^.;]{0,40}\bat your (?:option|election|choice)\b/i;

/**
 * The user may leave arbitration, not choose it: "you can choose to reject this agreement to arbitrate
 * ('opt-out')". The ordinary sentence and its opt-out tail describe that; "an option for you" would not.
 */
const ARBITRATION_OPT_OUT =
  /\bopt(?:[- ])?out\b|\breject\w*\b[^.;]{0,40}\barbitrat\w*|\bdecline\w*\b[^.;]{0,40}\barbitrat\w*/i;
/** The arbitrator grants the relief ("the arbitrator may award … injunctive relief"): no court is kept. */
const ARBITRATOR_GRANTS =
  /\barbitrat\w+ (?:may|can|shall|will|has the (?:power|authority) to)(?: \w+){0,3}? (?:award|grant|order)\b/i;
/**
 * A clause of an arbitration section that bounds its rules rather than stating them, with no word of arbitration
 * of its own: "this provision should not be read to limit …", a list item naming claims by their exceptions.
 * Neither the rule ("disputes go to arbitration") nor a waiver fits; the table's hedged sentence does. "Limit",
 * "limits", never "(including but) not limited to".
 */
const LIMITS_RULES =
  /\b(?:not|nothing)\b[^.;]{0,60}\b(?:limit|limits|restrict|restricts|preclude|precludes)\b/i;
const EXCEPTIONS_WORD = /\bexceptions?\b/i;

/** What the clause keeps out of arbitration, as a catalogue key, or null when it keeps nothing out. */
function carvedOut(clause: string): MessageKey | null {
  if (SMALL_CLAIMS.test(clause)) return SHAPE_KEYS.arbitrationSmallClaims;
  const court = IN_COURT.test(clause);
  if (INJUNCTION.test(clause) && court && !ARBITRATOR_GRANTS.test(clause))
    return SHAPE_KEYS.arbitrationInjunction;
  if (IP_CLAIMS.test(clause) && (court || NOT_ARBITRATED.test(clause))) return SHAPE_KEYS.arbitrationIp;
  return NOT_ARBITRATED.test(clause) ? SHAPE_KEYS.arbitrationSome : null;
}

/** The sentence of an arbitration label for the shapes above, or null for the table's own. */
function arbitrationShape(clause: string, t: Translate): string | null {
  if (OPTIONAL_ARBITRATION.test(clause) && !ARBITRATION_OPT_OUT.test(clause))
    return t(SHAPE_KEYS.arbitrationOptional);
  const named = ARBITRATION_WORD.test(clause);
  if (!named && (LIMITS_RULES.test(clause) || EXCEPTIONS_WORD.test(clause)))
    return t(sentenceKey('arbitration', 'unclear'));
  if (!named) {
    if (JURY_WAIVER.test(clause)) return t(SHAPE_KEYS.juryWaiver);
    if (CLASS_WAIVER.test(clause)) return t(SHAPE_KEYS.classWaiver);
  }
  const kept = carvedOut(clause);
  if (!kept) return null;
  // "All disputes go to arbitration, except small claims": the rule, then its exception.
  if (TO_ARBITRATION.test(clause))
    return `${t(sentenceKey('arbitration', 'permits'))} ${t(SHAPE_KEYS.arbitrationExcept, [t(kept)])}`;
  return t(SHAPE_KEYS.arbitrationCarveOut, [t(kept)]);
}

/** Aggregation as one way among others: "either aggregated with others' contributions or individually". */
const OPTIONAL_AGGREGATION =
  /\beither (?:in )?aggregat\w+[^.;]{0,80}\bor (?:individually|on (?:its|their) own|separately)\b|\b(?:individually|on (?:its|their) own|separately) or (?:in )?aggregat\w+/i;

/**
 * Copies kept by others the company does not control ("third-party caches … might retain the data"): not how
 * long the company keeps it.
 */
const OTHERS_RETAIN =
  /\b(?:no control over|(?:cannot|can't|do not|don't) control|outside (?:of )?our control|beyond our control|not responsible for)\b[^.;]{0,120}\b(?:retain|keep|store|cache|archive)\w*|\b(?:third[- ]part(?:y|ies)|search engines?|other (?:sites|websites|platforms|services))\b[^.;]{0,40}\b(?:outside (?:of )?our control|beyond our control|we do not control|we don't control)\b[^.;]{0,60}\b(?:retain|keep|store|cache|archive)\w*/i;

/** The user rejecting a change to the terms: "by rejecting any change, …", "you may reject any such change". */
const CHANGE_REJECTED =
  /\breject(?:s|ed|ing)? (?:a |an |any |the |this |such |future )*(?:(?:future|subsequent|proposed|material) )?(?:changes?|modifications?|amendments?|updates?)\b/i;

/** "If you reject the changes, stop using the service": the usual take-it-or-leave-it change, no right. */
const STOP_USING =
  /\b(?:stop|cease|discontinue|end) (?:using|your use|use of|accessing)\b|\b(?:must|should) not (?:use|continue)\b|\b(?:close|terminate|cancel|delete) your account\b|\bno longer (?:use|access)\b/i;

/** A right to opt out of a sale, which says nothing of whether they sell: "the right to opt out of the sale of …". */
const SALE_OPT_OUT_RIGHT =
  /\b(?:right to|(?:you|residents?|consumers?) (?:may|can)(?: also)?) opt(?:[- ])?out of (?:the |any |a )?(?:sale|selling)\b/i;

/** A data slot that is the marketing channel itself ("messages" in "marketing messages"). */
const MARKETING_CHANNEL_WORD =
  /^(?:\w+ )?(?:messages?|communications?|e-?mails?|newsletters?|mailings?|notifications?|texts?|SMS)$/i;

/** A denial that holds only once the user acts: "If you opt out, … will not be used …". */
const CONDITION =
  /\b(?:if|once|when|after) you (opt(?:-| )?out|turn (?:it |this |them )?off|disable \w+|object|withdraw (?:your )?consent|unsubscribe)\b/i;

const NOTICE =
  /\b(?:notify|inform|tell|alert) you\b|\b(?:advance|prior) (?:written )?notice\b|\bnotice (?:of|before)\b/i;
/** Notice that comes before the change takes effect. */
const NOTICE_BEFORE =
  /\b(?:advance|prior) (?:written )?notice\b|\bnotice (?:before|in advance)\b|\bin advance\b|\bbefore (?:the |any )?(?:changes?|it|they) (?:takes?|becomes?|go(?:es)?) (?:effect|effective|into effect|live)\b|\b\d+ days'? (?:prior |advance )?notice\b|\bat least \d+ days\b/i;
/** Information the clause says does not identify the user: not "your personal data". */
const NON_IDENTIFYING =
  /\bnon-?\s?personal(?:ly identifiable)? (?:[\w-]+ )?(?:data|information)\b|\b(?:information|data) (?:that|which) (?:does|do) not (?:personally )?identify\b|\baggregated? (?:data|information)\b/i;

/** "without (prior) notice", "with or without notice", "no obligation to notify you": no promise of notice. */
const NO_NOTICE =
  /\b(?:without|with or without|no)\s+(?:any\s+)?(?:advance\s+|prior\s+)?(?:written\s+)?notice\b|\b(?:not|no) (?:be )?(?:obligat\w+|required) to (?:notify|inform|tell)\b/i;

/**
 * De-identified data named as a second kind beside personal data ("disclose your personal information and
 * aggregated or de-identified data"): the safeguard belongs to that second kind, so "they say the data is
 * de-identified" would claim it for the personal data too.
 */
const SAFEGUARDED_KIND_BESIDE =
  /\b(?:personal (?:data|information)|personally identifiable information|your (?:data|information))\b,? (?:and|or|and\/or|as well as) (?:[\w-]+,? (?:and\/or |and |or )?){0,4}?(?:de-?identified|aggregated?|anonymi[sz]ed|pseudonymi[sz]ed|anonymous) (?:data|information)\b/i;

/** The company offers the control only when it can: "whenever possible, provide you a way to disable it". */
const CONTROL_IF_POSSIBLE =
  /\b(?:whenever|wherever|where|if|when|to the extent) (?:it is |reasonably )?(?:possible|feasible|practicable)\b/i;

/**
 * A denial whose object is children's data ("we do not knowingly sell … the personal information of minors under
 * 18", "we never share children's data"): it covers children only, so the card must not read it as a promise
 * about everyone's data (issue 23, v11 denial-scope-overstated).
 */
const CHILDREN_DATA =
  /\b(?:data|information)\s+(?:of|from|about|belonging to)\s+(?:(?:any|a)\s+)?(?:children|minors|kids|child|minor)\b|\b(?:children|minors|kids)(?:'s?|s')?\s+(?:personal\s+)?(?:data|information)\b/i;

/** `$DATA$` for a denial about children's data only: "children's personal data", or "children's data". */
function childrenDataPhrase(slots: Slots, t: Translate, en: boolean): string {
  const items = slotTexts('data', slots.data.slice(0, 3), t, en);
  if (items.length === 0) return t('explain_data_children_noun');
  return t('explain_data_children', [listAnd(items, t).replace(/\byour /g, '')]);
}

/** The phrase for `$DATA$`: "your chats and files", or the category's noun. */
function dataPhrase(slots: Slots, noun: string, t: Translate, en: boolean): string {
  const items = slotTexts('data', slots.data.slice(0, 3), t, en);
  if (items.length === 0) return noun;
  return t('explain_data_yours', [listAnd(items, t).replace(/\byour /g, '')]);
}

type SlotKey = (typeof SLOT_KEYS)[keyof typeof SLOT_KEYS];

/** The tail sentence `key` around `value`, or null when the slot is empty. */
function filled(key: SlotKey, value: string | null, t: Translate): string | null {
  return value ? t(key, [value]) : null;
}

/** A list slot's values as one phrase ("a, b and c"), or null when it has none. */
function list(
  kind: 'purpose' | 'safeguard' | 'scope',
  values: readonly string[],
  t: Translate,
  en: boolean,
): string | null {
  const items = slotTexts(kind, values, t, en);
  return items.length ? listAnd(items, t) : null;
}

function tail(kind: Tail, slots: Slots, text: string, t: Translate, en: boolean): string | null {
  switch (kind) {
    case 'default':
      return slots.default === 'on'
        ? t(SLOT_KEYS.defaultOn)
        : slots.default === 'off'
          ? t(SLOT_KEYS.defaultOff)
          : null;
    case 'choice':
      return filled(SLOT_KEYS.choice, slots.choice && choiceText(slots.choice, t, en), t);
    case 'safeguard':
      if (SAFEGUARDED_KIND_BESIDE.test(text)) return null;
      return filled(SLOT_KEYS.safeguards, list('safeguard', slots.safeguards, t, en), t);
    case 'scope':
      return filled(SLOT_KEYS.scope, list('scope', slots.scope, t, en), t);
    case 'covered':
      return filled(SLOT_KEYS.covered, list('scope', slots.scope, t, en), t);
    case 'children':
      // A denial about children's data ("we do not sell the data of children under 16") read as a promise to
      // everyone misleads. Only children: a region in a denial is as often an exception as the group covered.
      return slots.scope.includes('children')
        ? filled(SLOT_KEYS.covered, list('scope', ['children'], t, en), t)
        : null;
    case 'purpose':
      return filled(SLOT_KEYS.purposes, list('purpose', slots.purposes.slice(0, 3), t, en), t);
    case 'condition': {
      const m = CONDITION.exec(text);
      // A denial because the practice waits for the user's consent (guide R1): off until they opt in, not never.
      if (!m && deniedUntilConsent(asciiPunctuation(text))) return t(SLOT_KEYS.defaultOff);
      return filled(SLOT_KEYS.condition, m ? conditionText(m[1]!.toLowerCase(), t, en) : null, t);
    }
    case 'notice':
      if (!NOTICE.test(text) || NO_NOTICE.test(text) || conditionalNotice(text)) return null;
      // "We will notify you of changes" says nothing of when: only a stated advance notice is "before".
      return t(NOTICE_BEFORE.test(text) ? SLOT_KEYS.noticeBefore : SLOT_KEYS.notice);
  }
}

/**
 * The explanation of one label of a clause: its category × stance sentence, then the tails that sentence
 * reports, each only when its slot is filled. `text` is the clause (for the shapes the table would misread).
 * `t` picks the language (a `_locales` catalogue).
 */
export function explainLabelIn(
  label: Pick<Label, 'category' | 'stance'>,
  slots: Slots,
  text: string,
  t: Translate,
): string {
  const en = isEnglish(t);
  const clause = asciiPunctuation(text);
  if (label.category === 'de-identification') slots = safeguardItemSlots(slots, clause);
  if (label.category === 'de-identification' && DEIDENTIFIED_EXCLUDED.test(clause))
    return t(SHAPE_KEYS.deidentifiedExcluded);
  if (
    label.category === 'de-identification' &&
    label.stance === 'permits' &&
    OPTIONAL_AGGREGATION.test(clause)
  )
    return t(SHAPE_KEYS.optionalAggregation, [dataPhrase(slots, t(TEMPLATES[label.category].noun), t, en)]);
  if (label.category === 'data-retention' && label.stance === 'permits' && OTHERS_RETAIN.test(clause))
    return t(SHAPE_KEYS.othersRetain);
  if (label.category === 'unilateral-change' && CHANGE_REJECTED.test(clause) && !STOP_USING.test(clause))
    return t(SHAPE_KEYS.changeRejected);
  if (label.category === 'data-sale' && label.stance === 'unclear' && SALE_OPT_OUT_RIGHT.test(clause)) {
    const right = t(SHAPE_KEYS.saleOptOutRight, [
      dataPhrase(slots, t(TEMPLATES[label.category].noun), t, en),
    ]);
    // The sentence says "opt out" already; a control the clause names (Global Privacy Control, a link) adds to it.
    const how = slots.choice && slots.choice !== 'opt out' ? choiceText(slots.choice, t, en) : null;
    return how ? `${right} ${t(SLOT_KEYS.choice, [how])}` : right;
  }
  if (label.category === 'user-choice' && label.stance !== 'denies' && isCancellationRight(clause)) {
    // How to cancel, when the clause says ("by logging into your account"): the shape says the rest.
    const how = slots.choice && splitRoute(slots.choice) ? choiceText(slots.choice, t, en) : null;
    const right = t(SHAPE_KEYS.cancellationRight);
    return how ? `${right} ${t(SLOT_KEYS.choice, [how])}` : right;
  }
  if (label.category === 'user-choice' && label.stance !== 'denies' && isStopUsingRight(clause))
    return t(SHAPE_KEYS.stopUsing);
  if (label.category === 'content-license' && label.stance === 'permits' && ownershipPasses(clause))
    return t(SHAPE_KEYS.ownershipPasses, [dataPhrase(slots, t(TEMPLATES[label.category].noun), t, en)]);
  if (label.category === 'content-license' && label.stance === 'permits' && licenceToOtherUsers(clause))
    return t(SHAPE_KEYS.licenceToOtherUsers, [dataPhrase(slots, t(TEMPLATES[label.category].noun), t, en)]);
  if (label.category === 'arbitration' && (label.stance === 'permits' || label.stance === 'unclear')) {
    const shaped = arbitrationShape(clause, t);
    if (shaped) return shaped;
  }
  const template = TEMPLATES[label.category];
  const choice = slots.choice ? choiceText(slots.choice, t, en) : null;
  if (
    label.category === 'targeted-advertising' &&
    (label.stance === 'permits' || label.stance === 'denies') &&
    DIRECT_MARKETING.test(clause) &&
    !ADS_OR_TRACKING.test(clause)
  ) {
    // "marketing messages" names the channel, not the user's data: the contact details are what is used.
    const named = { ...slots, data: slots.data.filter((d) => !MARKETING_CHANNEL_WORD.test(d)) };
    // No channel named: "used for marketing", without inventing messages or post or "contact details".
    const channel = MARKETING_CHANNEL.test(clause);
    const sentence =
      label.stance === 'permits' && TAILORED_MARKETING.test(clause)
        ? t(SHAPE_KEYS.tailoredMarketing, [dataPhrase(named, t(template.noun), t, en)])
        : label.stance === 'permits' && !channel
          ? t(SHAPE_KEYS.marketingUse, [dataPhrase(named, t(template.noun), t, en)])
          : t(label.stance === 'permits' ? SHAPE_KEYS.directMarketing : SHAPE_KEYS.directMarketingDenied, [
              dataPhrase(named, t(SHAPE_KEYS.directMarketingNoun), t, en),
            ]);
    const extra = label.stance === 'permits' && choice ? t(SLOT_KEYS.choice, [choice]) : null;
    return extra ? `${sentence} ${extra}` : sentence;
  }
  const noun =
    slots.data.length === 0 && NON_IDENTIFYING.test(clause)
      ? t(SHAPE_KEYS.nonIdentifyingNoun)
      : t(template.noun);
  const childrenOnly =
    label.stance === 'denies' &&
    slots.scope.includes('children') &&
    template.sentences.denies.tails.includes('children') &&
    CHILDREN_DATA.test(clause);
  const data = childrenOnly ? childrenDataPhrase(slots, t, en) : dataPhrase(slots, noun, t, en);
  if (
    label.category === 'targeted-advertising' &&
    label.stance === 'permits' &&
    AD_MEASUREMENT.test(clause) &&
    ADS.test(clause) &&
    !TARGETING.test(clause)
  )
    return t(SHAPE_KEYS.adMeasurement, [data]);
  if (
    label.category === 'targeted-advertising' &&
    label.stance === 'permits' &&
    COLLECTS.test(clause) &&
    ADS.test(clause) &&
    !TARGETING.test(clause)
  )
    // Cookies and pixels are how it is collected ("via cookies"), not what: "they collect your cookies" misleads.
    return t(SHAPE_KEYS.adCollection, [
      dataPhrase({ ...slots, data: slots.data.filter((d) => d !== 'cookies') }, noun, t, en),
    ]);
  if (label.category === 'user-choice' && label.stance !== 'denies' && !choice)
    // A right that names no data, consent or privacy ("you may appeal your grade") is not said to be over data.
    return slots.data.length === 0 && !speaksOfData(clause)
      ? t(SHAPE_KEYS.rightWithoutData)
      : t(SHAPE_KEYS.rightsWithoutControl, [data]);
  if (label.category === 'data-sharing' && label.stance === 'permits' && shownToOtherUsers(clause))
    return t(SHAPE_KEYS.shownToOtherUsers, [data]);
  // A control offered only "whenever possible" is a choice with limits: the hedged sentence, not a plain "you can".
  const hedged =
    label.category === 'user-choice' &&
    label.stance === 'permits' &&
    choice &&
    CONTROL_IF_POSSIBLE.test(clause);
  const sentence = template.sentences[hedged ? 'unclear' : label.stance];
  const safeguards = slotTexts('safeguard', slots.safeguards, t, en);
  const parts = [
    t(sentence.key, [
      data,
      choice ?? '',
      safeguards.length ? listAnd(safeguards, t) : t('explain_safeguards_fallback'),
    ]),
  ];
  for (const kind of sentence.tails) {
    // The data phrase already says whose: "This covers children." would repeat it.
    if (childrenOnly && kind === 'children') continue;
    const extra = tail(kind, slots, clause, t, en);
    if (extra) parts.push(extra);
  }
  return parts.join(' ');
}

/**
 * A clause with every label's explanation (painted and possible) and the clause's own written by `t`: the
 * CLI's `--locale`, and any page that shows stored clauses in the UI language.
 */
export function explainClauseIn<C extends AnalysedClause>(clause: C, t: Translate): C {
  if (clause.labels.length + (clause.possible?.length ?? 0) === 0) return clause;
  // A clause with only possible labels stores no slots; its explanations were written with them.
  const slots = clause.labels.length ? clause.slots : extractSlots(clause.text, clause.leadIn);
  const relabel = (l: Label): Label => ({ ...l, explanation: explainLabelIn(l, slots, clause.text, t) });
  const labels = clause.labels.map(relabel);
  return {
    ...clause,
    labels,
    ...(clause.possible ? { possible: clause.possible.map(relabel) } : {}),
    explanation: labels[0]?.explanation ?? null,
  };
}
