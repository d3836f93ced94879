/**
 * Slot extraction: the data, purposes, safeguards, choices, scope exclusions and default that a clause
 * states, as short English phrases for the explanation templates and the UI.
 * @module
 */
import { aboutData, isCancellationRight } from './contract-shapes';
import type { Slots } from '../types';
import { asciiPunctuation } from '../ascii-punctuation';
import { RuleScan } from '../regex-scan';
import { hasUserControl } from './control';
import { blank, withoutNonData, withoutSubsumed } from './data-words';
import { namedRoute } from './route';
import { optsInOrOut, selfServiceChoice, takesLeadInChoice, turnsOnAWayOut } from './choice-shapes';
import {
  SIGNAL_IGNORED,
  choosesAudience,
  choosesWhat,
  choosesWhether,
  contactsToRequest,
  namesMoreControl,
  rejectsChanges,
  requestsThroughAgent,
  uninstalls,
  withoutOptRecords,
  withoutOtherControls,
} from './choice-grammar';

type Lexicon = ReadonlyArray<readonly [RegExp, string]>;

/** Ordered most specific first; the first phrase that matches a stretch of text wins. */
const DATA: Lexicon = [
  // Public posts alone are no "information" besides ("If you share a Post publicly…", "Public Posts:").
  [/\bpublic(?:ly)?(?: available)? posts\b(?! (?:and|or) (?:information|data|content)\b)/i, 'public posts'],
  [
    /\bpublic(?:ly)?(?: available)? (?:posts(?= (?:and|or) (?:information|data|content)\b)|content|information|data)\b/i,
    'public posts and information',
  ],
  [/\b(?:chats?|conversations?|chat history)\b/i, 'chats'],
  // The noun, not the verb ("your browser can prompt you before accepting a cookie").
  [/\bprompts?\b(?! (?:you|them|users?|the user)\b)/i, 'prompts'],
  [/\binputs?(?: and outputs?)?\b/i, 'inputs and outputs'],
  [/\bvoice (?:recordings?|data|input)|\baudio recordings?\b/i, 'voice recordings'],
  // A recording of a call or a session: not a photo, and not only a voice ("audio or video recording").
  [/\b(?:audio (?:or|and|\/) ?)?video recordings?\b/i, 'audio and video recordings'],
  // Not a video the user watches or asks about ("segments for that video", "the video ID"), nor one the company
  // publishes ("our new tutorial videos", "“how-to play” videos"): no media of theirs. A video recording is a
  // recording (above).
  [
    /\bphotos?\b|\bimages?\b|(?<!\b(?:that|this|watch\w*(?: the| a)?) )(?<!\b(?:our|new|tutorial|instructional|promotional|training|how-to(?:[ -][\w-]+)?)"? )\bvideos?\b(?! (?:IDs?|identifiers?|segments?|titles?|recordings?|you (?:watch|view))\b)/i,
    'photos and videos',
  ],
  // Not the messages the company sends or shows ("marketing messages", "commercial electronic messages",
  // "promotional text messages", "administrative messages", "an update message on top", "the device receiving
  // the messages", "stop receiving electronic messages", "calls or text messages"), nor one listed beside the company's marketing ("personalised marketing emails, messages and
  // offers"), nor one the service shows ("a message confirming that it worked"): no data of the user's.
  [
    /(?<!\b(?:marketing|promotional|informational|transactional|administrative|service|commercial|push|advertising|trigger|news|reminder|notification|update|alert|welcome|confirmation|error|status|system|warning|our|those|these|such)(?:-related)?(?: (?:electronic|text|e-?mail|SMS|in-app))? )(?<!\b(?:receiv\w*|send(?:s|ing)? you|sent to you) (?:the |these |those |our |such |any )?(?:(?:electronic|text|e-?mail|SMS|marketing|promotional|commercial) )?)(?<!\bcalls?,? (?:or|and|and\/or) (?:text |SMS )?)(?<!\b(?:marketing|promotional|advertising|commercial|personali[sz]ed(?: marketing)?) (?:e-?mails?|newsletters?|texts?|notifications?|calls?),? (?:and |or |and\/or )?)\bmessages?\b(?! (?:indicating|confirming|saying|stating|telling you|that (?:says|tells|confirms|shows))\b)/i,
    'messages',
  ],
  [/\bfeedback\b/i, 'feedback'],
  // What a notes app keeps; the noun only, never "please note that" or "notes that".
  [/\b(?:your|the|any|their|our users') notes\b|\bnotes (?:and|or|you|that you)\b/i, 'notes'],
  // "this document", "the top of the document" are the policy itself.
  // "cookie files" are cookies, and so is what "cookies are small text files" defines. "Upload" as a verb ("a
  // licence to copy, display, upload … your Review") names no file: the noun ("your uploads") or the user
  // uploading ("the videos you upload").
  // Nor the verb: "one party files an arbitration", "you may file a complaint"; nor "the information we have on
  // file" (kept on record, no file of the user's).
  [
    /(?<!\bcookie )(?<!\b(?:are|is) (?:(?:small|little|tiny) )?(?:(?:text|data) )?)(?<!\b(?:to|may|can|will|shall|must|who|party|either|each|you|we|they) )(?:(?<!\bon )\bfile\b|\bfiles\b)(?! (?:a|an|any|suit|for|against|claims?|complaints?|lawsuits?|actions?|arbitrations?)\b)|(?<!\b(?:this|the present) |\b(?:top|bottom|end|beginning|start|head) of (?:the|this) )\bdocuments?\b|\buploads\b|\b(?:your|the|an|any|each|every|such) uploads?\b|\b(?:you|users?|members?)(?: \w+)? upload(?:s|ed)?\b/i,
    'files',
  ],
  // The noun only: "we will post changes here" is the verb. Not what someone else writes ("when another
  // member writes a review or a comment"), nor a count about posts ("the number of times a post was liked"):
  // aggregate statistics, no post of the user's. Comments named with feedback or suggestions ("any feedback,
  // comments or suggestions you give us") are feedback, not posts.
  [
    /(?<!\b(?:other|another) (?:[\w-]+ )?(?:members?|users?|people|persons?|customers?) (?:writes?|posts?|leaves?|makes?|adds?|publish\w*)\b[^.;]{0,30})(?<!\b(?:number|count|total|how many times)\b[^.;]{0,20})(?:\bposts\b|\b(?:your|a|the|each|any|their) posts?\b|(?<!\b(?:feedback|suggestions?|ideas?|questions?),? (?:or |and |and\/or )?)\bcomments?\b(?!,? (?:or |and |and\/or )?(?:suggestions?|ideas?|feedback|questions?)\b))/i,
    'posts',
  ],
  // Not what advertisers show ("advertising content", "promoted content"), nor what a site serves, displays or
  // offers ("the advertising and content that you see", "valuable content for free", "receipt of content"),
  // nor companies, settings or controls named after content ("content providers", "your content or search
  // preferences", "content controls").
  [
    /(?:\b(?:your|user|customer|member)s?'? content\b|\bcontent (?:that |which )?you\b(?! (?:(?:may|might|will|can|could) )?(?:see|view|watch|read|receive|access|find|like|enjoy|browse|are (?:shown|interested))\b)|(?<!\b(?:advertising|advertisement|ad|promoted|sponsored|marketing|promotional|personali[sz]ed|recommended|tailored|relevant|valuable|quality|free|editorial|helpful|useful|premium|original|new|third-party) |\b(?:advertising|ads|news|products?|services?|features?|offers?) (?:and|or) |\b(?:receipt|viewing|delivery|display) of (?:the |any |such )?|\b(?:serv|display|deliver|show)(?:e|es|ed|ing|s)? (?:the |our |relevant )?)\bcontent\b(?! (?:that |which )?you (?:(?:may|might|will|can|could) )?(?:see|view|watch|read|receive|access|find|like|enjoy|browse|are (?:shown|interested))\b))(?! (?:(?:and|or) [\w-]+ )?(?:providers?|creators?|partners?|delivery|networks?|preferences|settings|filters?|controls?|moderation|policy|policies|guidelines|standards)\b)/i,
    'your content',
  ],
  [/\bprecise location\b|\blocation (?:data|information)\b|\bgeolocation\b/i, 'location'],
  // An address used as a channel ("write to us at the email address below", "notify you at your email
  // address") is no data of the user's taken or shared; nor are the company's own contact details ("reach us
  // at the contact information provided below", "our contact details").
  [
    /(?<!\b(?:at|to|via|through|using|see) (?:the |our |these |this )?|\bour )\bcontact (?:data|information|details)\b(?! (?:(?:set out|provided|given|listed|shown) )?(?:below|above|at the (?:end|bottom|top)))|(?<!\b(?:at|to|via|through|using) (?:the |your |their |our |this |that |an? )?(?:registered |designated |primary )?)\b(?:e-?mail|postal|mailing) address(?:es)?\b(?! (?:below|above|designated|listed|of record|on (?:file|record))\b)|\bphone numbers?\b/i,
    'contact details',
  ],
  [/\bbrowsing (?:history|data|activity)\b|\bwebsites? you visit\b/i, 'browsing activity'],
  [/\bpurchase (?:history|data)\b|\btransaction (?:data|information)\b/i, 'purchases'],
  [/\bpayment (?:data|information|details)\b|\bcard (?:numbers?|details)\b/i, 'payment details'],
  [/\bdevice (?:data|information|identifiers?)\b|\bIP address(?:es)?\b/i, 'device information'],
  // Not the name of a document ("our Cookie and Similar Technologies Policy"), nor an identifier other data
  // is matched to ("match that information to cookie IDs, mobile ad IDs or other online identifiers").
  [
    /(?<!\b(?:match|link|associat|tie|connect)\w*\b[^.;]{0,80}\bto (?:the |a |an |their |your )?)\bcookies?\b(?!(?: and (?:similar|other) (?:tracking )?technologies)? (?:policy|notice|statement)\b)|\btracking technologies\b/i,
    'cookies',
  ],
  [/\bbiometric\b/i, 'biometric data'],
  [/\bhealth (?:data|information)\b/i, 'health data'],
  // Not wrongdoing the company reports ("fraud or other illegal activity", "unauthorised, illegal or unethical
  // activity", "activity that is unlawful"), nor a machine's ("search engine activity").
  [
    /\busage (?:data|information)\b|(?<!\b(?:illegal|unlawful|criminal|fraudulent|prohibited|malicious|suspicious|suspected|unethical|unauthori[sz]ed|improper|harmful|abusive|infringing|search engine|crawler|bot|robot) )\b(?:your )?activity\b(?! (?:that|which) (?:is|are|may be|might be|could be) (?:illegal|unlawful|criminal|fraudulent|prohibited))|\binteractions?\b/i,
    'activity',
  ],
  // "non-personal information" and "non-personally identifiable information" are the opposite.
  [
    /(?<!\bnon-?\s?)\bpersonal (?:data|information)\b|(?<!\bnon-?\s?)\bpersonally identifiable information\b/i,
    'personal data',
  ],
];

const PURPOSES: Lexicon = [
  [/\btrain(?:ing)?\b[^.;]{0,60}?\bmodels?\b|\bmodel (?:training|improvement)\b/i, 'training AI models'],
  // Advertisers are recipients ("with our partners, such as advertisers"), not a purpose.
  // Nor a kind of data named after a purpose ("marketing analytics data", "advertising information", "Advertising
  // ID"), nor a group of customers ("advertising customers"), nor its opposite ("for legal and other non-marketing
  // purposes").
  [
    /(?<!\bnon-?)\b(?:advertis(?!ers?\b)\w*|ads|marketing)\b(?!(?: analytics)? (?:data|information|lists?|IDs?|identifiers?|customers?|clients?)\b)/i,
    'advertising and marketing',
  ],
  [/\bpersonali[sz]\w+|\brecommendations?\b/i, 'personalisation'],
  // Nor a place in the product named after it ("in the security panel of your account", "your security settings"),
  // nor a kind of message ("promotional e-mails such as product updates, security alerts, events"),
  // nor a company named by its domain ("Spam.org may display …").
  // Keeping the data itself secure ("the confidentiality and security of Personal Information", "security
  // and confidentiality measures") is a safeguard, not what the data is used for; "security details" are data.
  [
    /(?<!\b(?:confidentiality|integrity|privacy) and )\bsecurity\b(?!(?: (?:and|or) [\w-]+)? of (?:your |the |such |any |this |that )?(?:personal )?(?:data|information)\b|(?: (?:and|or) [\w-]+)? (?:measures?|safeguards?|standards?|practices?|obligations?|controls?)\b| (?:panel|settings?|page|tab|section|cent(?:er|re)|dashboard|keys?|questions?|information|details|codes?|credentials|alerts?|bulletins?|newsletters?)\b)|\b(?:safety|fraud|abuse|spam)\b(?!\.[a-z]{2,})/i,
    'safety and security',
  ],
  // "statutory measures", "appropriate measures" are no measuring.
  [
    /\banalytics\b(?! (?:data|information)\b)|\bmeasur(?:ement|ing)\b|\bmeasures? (?:the |how |our |their |its |your |ad |advertising |performance|effectiveness|usage|traffic|audiences?)|\bstatistics\b/i,
    'analytics',
  ],
  [/\bresearch\b/i, 'research'],
  [
    /\bimprov\w+ (?:and develop\w* )?(?:our |the )?(?:services?|products?|features?)\b|\bdevelop\w* new (?:products|features|services)\b/i,
    'improving products',
  ],
  // Not a recipient's trade: "companies that provide services for us", "vendors who provide services to us".
  [
    /(?<!\b(?:that|who|which) )\bprovid\w+ (?:and maintain\w* )?(?:the |our )?(?:services?|products?)\b(?! (?:to|for|on behalf of)(?: or on behalf of)? us\b)/i,
    'providing the service',
  ],
  [
    // A safeguard put in place "in accordance with applicable legal requirements" is not used for them; nor is
    // law enforcement named as a recipient ("we may pass it to law enforcement and courts").
    /(?<!\b(?:in accordance with|in compliance with|in line with|consistent with|pursuant to|as required by) (?:all |any )?(?:applicable |relevant )?)\blegal (?:obligations?|requirements?)\b|\bcomply with (?:the )?(?:law|legal)\b|\bcompliance with (?:the |applicable )?laws?\b|\blaw enforcement (?:purposes|requests?)\b|\bfor law enforcement\b/i,
    'legal obligations',
  ],
];

const SAFEGUARDS: Lexicon = [
  [/\bde-?identif\w+/i, 'de-identified'],
  [/\banonymi[sz]\w+/i, 'anonymised'],
  [/\bpseudonymi[sz]\w+/i, 'pseudonymised'],
  // Not when aggregation is one way among others ("either aggregated with others' or individually").
  [
    /(?<!\b(?:either|individually or|individually or in|on (?:its|their) own or|on (?:its|their) own or in) )\baggregat\w+(?![^.;]{0,80}\bor (?:individually|on (?:its|their) own|separately)\b)/i,
    'aggregated',
  ],
  [/\bencrypt\w+/i, 'encrypted'],
  [/\bdisassociat\w+/i, 'disconnected from your account'],
  [
    /\bremov\w* (?:direct |personal |personally identifying )?identifiers\b|\bstrip\w* (?:out )?(?:direct )?identifiers\b/i,
    'stripped of identifiers',
  ],
  [/\bfilter(?:s|ed|ing)? out\b[^.;]{0,30}?\bpersonal\b/i, 'filtered for personal data'],
  [/\bstandard contractual clauses\b/i, 'covered by standard contractual clauses'],
  // A transfer limited to countries found adequate ("only to countries that provide an adequate level of
  // protection"): the clause's point is where the data may not go.
  [
    /\bonly\b[^.;]{0,80}\bcountr(?:y|ies)\b[^.;]{0,80}\badequa(?:te|cy)\w*/i,
    'sent only to countries with adequate protection',
  ],
];

/** A region whose users a clause may leave out, and who they are. */
const REGION =
  '(?:EEA|European Economic Area|EU|European Union|UK|United Kingdom|Switzerland|Swiss)(?:\\/(?:EEA|EU|UK|Switzerland))*\\b';
const GROUP =
  '(?:[Uu]sers?|[Rr]esidents?|[Ii]ndividuals?|[Pp]eople|[Pp]ersons?|[Cc]ustomers?|[Cc]onsumers?|[Mm]embers?|[Vv]isitors?|[Dd]ata subjects?|[Cc]itizens?|[Cc]hildren|[Tt]hose|[Aa]nyone)\\b';

const SCOPE: Lexicon = [
  [/\benterprise\b/i, 'Enterprise'],
  [
    /\b(?:business|team|workspace) (?:accounts?|plans?|customers?|users?|offerings?)\b|\bChatGPT (?:Team|Business)\b/i,
    'business plans',
  ],
  [/\b(?:edu|education(?:al)?) (?:accounts?|plans?|customers?)\b/i, 'education plans'],
  [/\bAPI\b/, 'API'],
  [/\btemporary chats?\b|\bincognito\b/i, 'temporary chats'],
  [/\bzero data retention\b/i, 'zero-data-retention customers'],
  [/\bchildren\b|\bminors?\b|\bunder (?:the age of )?(?:13|16|18)\b/i, 'children'],
  // Users in a region, not the region as a place the data goes or stays ("outside the EU/EEA", "servers in the
  // U.S. or elsewhere inside or outside the EU"): a transfer's destination is no group of users left out. A
  // region excepted ("except in the EU") is its users.
  [
    new RegExp(
      `\\b(?:${GROUP}|you(?: are| live| reside)?)(?: (?:who|that) (?:are|live|reside))?(?: (?:located|based|living|residing|established))? (?:in|of|from|within) (?:the )?${REGION}|${REGION}(?:-based)? ${GROUP}|\\b(?:except|excluding|other than) (?:for |in |within )?(?:the )?${REGION}`,
    ),
    'users in the EU/UK',
  ],
];

/**
 * The lexicons' regexes, each run only when the clause holds text every match of it needs: most clauses match
 * few of them, and one scan of the clause answers the rest. Built on first use: the page's card code imports
 * this module, and building the scan while page-analysis.js is evaluated made a task of 60–100 ms on every
 * policy page with its CPU slowed 4× (issue 26).
 */
let scan: RuleScan | undefined;
const lexiconScan = (): RuleScan =>
  (scan ??= new RuleScan(
    [],
    [DATA, PURPOSES, SAFEGUARDS, SCOPE].flatMap((lexicon) => lexicon.map(([re]) => re)),
  ));

/** Nouns of recipients: partners, vendors, agencies… */
const RECIPIENT_NOUN =
  /(?:partners?|providers?|vendors?|compan(?:y|ies)|firms?|agenc(?:y|ies)|authorit(?:y|ies)|networks?|clients?|processors?|contractors?|suppliers?|officials?|bodies|organi[sz]ations?)\b/i;
/**
 * A word of a recipient's trade in a list of them ("email, hosting, security, and analytics service
 * providers"): no function word, so "for security and with our partners" is not one.
 */
const TRADE_WORD =
  '(?!(?:with|to|for|by|from|of|in|on|at|as|the|our|your|their|its|us|we|you|they|that|which|who|share\\w*|use\\w*|disclos\\w*)\\b)[\\w-]+';
/**
 * A purpose word that only names a recipient's trade ("fraud prevention partners", "analytics vendors",
 * "advertising and marketing companies"). In a list of recipients it is who receives the data, not what the
 * list's sharing is for; a single recipient's trade ("with advertising partners") is what its sharing serves.
 */
const RECIPIENT_AFTER = new RegExp(
  `^(?:,?\\s(?:(?:and|or|&)\\s)?${TRADE_WORD}(?:\\s${TRADE_WORD}){0,2})*?\\s${RECIPIENT_NOUN.source}`,
  'i',
);
const RECIPIENT_NOUNS = new RegExp(`\\b${RECIPIENT_NOUN.source}`, 'gi');

/** Each regex of PURPOSES, global, to look past a match that names a recipient. */
const everyMatch = new Map<RegExp, RegExp>();

/** The first match of a purpose that is not a recipient's name, or null. */
function purposeMatch(re: RegExp, text: string): RegExpExecArray | null {
  let g = everyMatch.get(re);
  if (!g) everyMatch.set(re, (g = new RegExp(re.source, `${re.flags}g`)));
  g.lastIndex = 0;
  for (let m = g.exec(text); m; m = g.exec(text)) {
    const end = m.index + m[0].length;
    if (!RECIPIENT_AFTER.test(text.slice(end, end + 80))) return m;
    if (m[0] === '') g.lastIndex++;
  }
  return null;
}

function collect(text: string, lexicon: Lexicon): string[] {
  const found: Array<[number, string]> = [];
  const scan = lexiconScan();
  const recipients = lexicon === PURPOSES && (text.match(RECIPIENT_NOUNS)?.length ?? 0) > 1;
  for (const [re, label] of lexicon) {
    if (!scan.mayMatch(re, text)) continue;
    const m = re.exec(text);
    // Ordered by the word's first mention, a recipient's name included: the order the sentence gives.
    if (m && !hasLabel(found, label) && (!recipients || purposeMatch(re, text))) found.push([m.index, label]);
  }
  if (found.length > 1) found.sort(byPosition);
  const labels: string[] = [];
  for (const [, label] of found) labels.push(label);
  return labels;
}

// Module-level helpers rather than closures made per call: `collect` runs for every lexicon of every
// labelled clause.
function hasLabel(found: ReadonlyArray<readonly [number, string]>, label: string): boolean {
  for (const [, l] of found) if (l === label) return true;
  return false;
}

function byPosition(a: readonly [number, string], b: readonly [number, string]): number {
  return a[0] - b[0];
}

/** What "opt out of …" names, cut before the when / how / where of the sentence. */
const OPT_OBJECT =
  /\bopt(?:s|ed|ing)?[- ]?out of ((?:(?!\b(?:at any time|within|by|in|through|via|using|from|if|when|unless|and you|or by|as (?:described|set out|explained|detailed|outlined|shown)|under|here|below)\b)[^,;.:()"])+)/i;

/** A complaint to a regulator: "lodge a complaint", "refer a complaint to your local data protection authority". */
const COMPLAINT =
  /\b(?:lodge|file|make|refer|submit|raise|bring|send) (?:a |your |any )?complaints?\b|\bcomplain to\b|\b(?:supervisory|data protection|privacy) (?:authority|authorities|regulator|commissioner)\b/i;

/**
 * Instructions for the user's data after their death (French law gives this right): keeping or deleting it is
 * what the instructions say, not a request to delete.
 */
const POST_MORTEM =
  /\binstructions?\b[^.;]{0,120}\b(?:death|deceased?|dies?)\b|\bpost-?mortem\b|\b(?:after|in the event of) (?:your|his|her|their) death\b/i;
const AFTER_DEATH = 'leave instructions for your data after your death';

/** A right named by a list item under a rights lead-in, as the thing the user can do. */
const RIGHTS: ReadonlyArray<readonly [RegExp, string]> = [
  [POST_MORTEM, AFTER_DEATH],
  [COMPLAINT, 'complain to a regulator'],
  [/\bportab\w*|\b(?:receive|get|obtain|request|ask for|have) a copy\b/i, 'get a copy of your data'],
  [/\b(?:delete|deleted|deletion|erase|erased|erasure|remove|removal|be forgotten)\b/i, 'ask for deletion'],
  [
    /\b(?:correct|corrected|rectif\w*|update|amend|amended)\b|\bchanges? (?:to|in) (?:your|the|their)\b/i,
    'have it corrected',
  ],
  // "tell us to stop using your personal information" is the objection, in plain words. Objecting and
  // restricting are two rights: a clause that names one is not widened to both (issue 23, choice-widened).
  [/\bobject\b[^.;]*\brestrict\w*|\brestrict\w*\b[^.;]*\bobject\b/i, 'object to or restrict processing'],
  [/\bobject\b|\bstop (?:using|processing)\b/i, 'object to processing'],
  [/\brestrict\w*/i, 'restrict processing'],
  [/\bwithdraw\w* (?:your )?consent\b|\bchange your mind\b/i, 'withdraw consent'],
  // Not access to a feature ("we may not be able to give you access to some features"), nor "access" naming a
  // kind of check or key ("the account access check", "access tokens", "access logs").
  [
    /\b(?:access|know)\b(?! to (?:[\w-]+ ){0,3}(?:functionalit\w*|features?|services?|website|site|app|platform|products?)\b)(?! (?:checks?|controls?|tokens?|logs?|codes?|credentials?|keys?|levels?|points?|management|rights? to (?:the|our) (?:services?|site|app|platform))\b)|\b(?:obtain|receive|get|request) (?:an? )?(?:extract|overview|summary|confirmation)\b/i,
    'see the data they hold about you',
  ],
];

/**
 * Erasure the user does NOT want: the restriction right's condition ("the processing is unlawful and you do not
 * want us to erase your data", "you oppose the erasure"), no request for deletion.
 */
const ERASURE_REFUSED =
  /\b(?:do not|don't|does not|doesn't) (?:want|wish)(?: us| the company)? to (?:erase|delete|remove)\b|\boppos\w* (?:the |its |their )?(?:erasure|deletion)\b/gi;

/** Every right a clause names, in RIGHTS order. */
function rightsListed(clause: string): string[] {
  const t = clause.replace(ERASURE_REFUSED, blank);
  if (POST_MORTEM.test(t)) return [AFTER_DEATH];
  const rights = RIGHTS.filter(([re]) => re.test(t)).map(([, phrase]) => phrase);
  return rights.includes('object to or restrict processing')
    ? rights.filter((r) => r !== 'object to processing' && r !== 'restrict processing')
    : rights;
}

/** The rights a clause names, at most two; instructions for after death are the whole of it. */
function rightsNamed(clause: string): string | null {
  const rights = rightsListed(clause);
  return rights.length ? rights.slice(0, 2).join(' or ') : null;
}

/**
 * The rights a clause names by "the right to …" / "the right of …", read up to the first condition or the end of
 * the phrase: "the right to restrict the processing of your data if … you object to …" is the restriction
 * right, whatever its conditions name. None when that part names no right the lexicon knows.
 */
const RIGHT_TO = /\bright (?:to|of)\b/i;
const CONDITION_OR_END = /\b(?:if|where|when|unless|until|provided|in case)\b|[;:.|(]/i;
function rightsStated(t: string): string[] {
  const m = RIGHT_TO.exec(t);
  if (!m) return [];
  const rest = t.slice(m.index + m[0].length);
  // The right is named at once ("the right to restrict …", "the right to access, update or delete …"); "your
  // right to reject such changes, then stop using the service" names none.
  if (rightsListed(rest.trim().split(/\s+/).slice(0, 4).join(' ')).length === 0) return [];
  const end = CONDITION_OR_END.exec(rest);
  return rightsListed(end ? rest.slice(0, end.index) : rest);
}

/** Three or more rights in one clause ("access, export, delete and restrict"): the card names them together. */
const MANY_RIGHTS = 3;

/** Ads, tracking and profiling: what "choices related to interest-based advertising" are over. */
const ADS_OR_TRACKING = /\b(?:advertis\w*|ads|track\w*|profil\w*|personali[sz]\w*|location)\b/i;

/**
 * Whether a clause speaks of the user's data at all: data, consent or privacy words, ads or tracking, or a
 * data right by name ("the right to erasure"). "You may have the right to appeal your grade" does not.
 */
export function speaksOfData(t: string): boolean {
  return aboutData(t) || ADS_OR_TRACKING.test(t) || rightsNamed(t) !== null;
}

/** Where a setting is changed: "in your phone's settings", "by editing your privacy settings". */
const IN_SETTINGS =
  /\b(?:in|via|through|from|using|on|by (?:editing|changing|updating|adjusting|managing|visiting|going to)) (?:your |the |our |their |its )?(?:"?[\w'-]+ ){0,2}"?(?:settings|data controls|privacy controls|controls|preferences|dashboard)\b/i;
/** Changing a record in the user's own account or profile ("by editing your profile"). */
const IN_ACCOUNT =
  /\b(?:in|via|through|from|on|by (?:editing|changing|updating|visiting|going to|(?:logging|signing) (?:in ?to|on ?to))) (?:your |the )?(?:[\w'-]+ )?(?:account|profile)(?: page| area| section)?\b/i;
/**
 * The browser as the control: "set your browser to refuse cookies", "most browsers let you block them",
 * "deactivate them in your browser", "cookie settings in the browser you've installed".
 */
const BROWSER =
  /\b(?:set|configure|adjust|change|use) (?:your |the |their )?(?:web |internet )?browser\b|\bbrowser(?:'s)? (?:settings|preferences|controls)\b|\b(?:settings?|options?|preferences) (?:on|in|of) (?:your |the |their )?(?:web |internet )?browser\b|\bbrowsers?\b[^.;]{0,60}\b(?:refuse|block|reject|delete|disable|remove)\b|\b(?:in|via|through|from|using) (?:your |the |their )?(?:web |internet )?browser\b(?![- ](?:extensions?|add-?ons?|plug-?ins?)\b)/i;
/** A signal the user's browser sends; "we do not respond to Do Not Track signals" offers no control. */
const DO_NOT_TRACK = /\bdo not track\b|\bDNT\b/i;
/**
 * The legal name for such a signal, with no signal named ("if you communicate an opt-out preference signal"): the
 * signal is the control, not a bare "opt out"; which signal is not said, so none is named.
 */
const OPT_OUT_SIGNAL = /\bopt[- ]?out preference signals?\b/i;
const GLOBAL_PRIVACY_CONTROL = /\bglobal privacy control\b|\bGPC\b/i;
/**
 * A cookie that opts out, set from the company's own link ("obtain an opt-out cookie under the following link"):
 * the opt-out is the control, not the browser the sentence names as where the data comes from.
 */
const OPT_OUT_COOKIE = /\bopt[- ]?out cookie\b/i;
/** Cookies the user refuses or deletes, with no browser named: "if you choose to refuse our cookies". */
const REFUSE_COOKIES =
  /\b(?:refus|reject|declin|block)\w* (?:all |our |the |these |those |any |such |some )?(?:[\w-]+ )?cookies\b|\bcookies\b[^.;]{0,40}\brefus\w* to accept\b/i;
/** Unfollowing or unliking a page the company runs on a social network; not "in the unlikely event". */
const UNFOLLOW = /\bun(?:follow(?:s|ed|ing)?|lik(?:e|es|ed|ing))\b/i;
/** The user giving or refusing consent themselves: "you can consent to …", "whether you wish to consent". */
const USER_CONSENT =
  /\b(?:you|users?)\s+(?:can|may|could)\s+(?:also\s+)?(?:\w+\s+)?(?:consent\b|(?:give|grant|refuse|decline|withhold|deny) (?:your |their )?consent\b|manage (?:your |their )?consents?\b)|\bif you (?:grant|give|provide) (?:us )?(?:your )?consent\b|\bwhether (?:or not )?(?:you (?:wish|want|would like|choose|agree) )?to (?:give (?:your )?)?consent\b/i;
/** A permission the user grants or refuses: "you may need to enable access to your calendar". */
const PERMISSION =
  /\b(?:you|users?)\b(?:(?!\bwe\b)[^.;]){0,30}\b(?:enable|allow|grant|permit|deny|refuse|revoke)\w* (?:[\w-]+ ){0,2}?(?:access|permissions)\b|\b(?:device|app|location|camera|microphone|contacts?|calendar) permissions?\b/i;
/** A link the clause names ("the “Cookie Settings” link in the footer", "https://…"). */
const LINK = /\bhttps?:\/\/|\bwww\.|\b(?:link|button|web ?form)\b/i;
/** A page, tool or link the clause points the user to ("by visiting the … platform: https://…"). */
const LINK_TO = /\bhttps?:\/\/|\bwww\.|\b(?:link|button|web ?form|web ?page|platform|portal|tool)\b/i;
/** An object that only points back ("opt out of these activities"): the link the clause names says more. */
const POINTER_OBJECT = /^(?:these|this|those|that|such|it|them)\b/i;
const VISIT =
  /\bby (?:visiting|going to|clicking|following|using|filling (?:in|out))\b|\b(?:visit|click on|go to) (?:the|our|this|a|their)\b/i;
/** A control of the service's own interface the user works ("the audience selector", "the toggle"). */
const UI_CONTROL = /\b(?:toggle|switch|selector|checkbox|check box|slider|drop-?down)\b/i;
/**
 * "You can choose to …", and "If you choose to share / link / allow …" (a condition that names the user's grant
 * of data; "if you choose to file a claim" is no control over it): the choice the clause spells out, cut before
 * its when / how / if.
 */
const CHOOSE_TO =
  /\b(?:(?:you|users?)\s+(?:can|may|could)\s+(?:also\s+)?(?:opt|choose|elect|decide)\s+|if you\s+(?:choose|elect|decide)\s+(?=(?:not\s+)?to\s+(?:share|link|connect|sync|allow|enable|grant|disclose|upload|make)\b))((?:not\s+)?to\s+(?:(?!\b(?:if|when|unless|by|at any time|through|via)\b)[^,;.:()"])+)/i;
/** The user asking for something themselves: "you can request a copy", "you may ask us to delete it". */
const USER_REQUEST =
  /\b(?:you|users?|members?|customers?)\s+(?:can|may|could|have the right to|are entitled to|are able to)\s+(?:also\s+)?(?:request|ask|obtain|receive|demand|appeal|make (?:a |your )?request)\b/i;
/**
 * A right exercised by a request the clause describes ("this can be exercised by writing to us", "you may use
 * these rights by calling …").
 */
const EXERCISED =
  /\bexercised?\b|\b(?:make|submit|send) (?:a|your) request\b|\b(?:use|access|invoke) (?:those|these|your|such|any of (?:these|those|your)) rights\b/i;
/**
 * The user's own settings as the object: "you can change your Services settings", "update your sharing
 * settings", "administer your ads settings with Google", "you control certain privacy settings" (the user the
 * subject: "we do not control certain settings" is no control of theirs).
 */
const YOUR_SETTINGS =
  /\b(?:change|update|adjust|edit|manage|review|administer|control|configure|set)\s+your\s+(?:[\w'-]+\s+){0,3}(?:settings|preferences|controls)\b|\b(?:you|users?)\s+(?:(?:can|may|also)\s+)*(?:change|update|adjust|edit|manage|review|administer|control|configure)\s+(?:certain|some|these|the)\s+(?:[\w'-]+\s+){0,3}(?:settings|preferences|controls)\b/i;
/** Settings the user keeps with another company: "your settings with them", "your ad settings with Google". */
const SETTINGS_WITH =
  /\byour (?:[\w'-]+ ){0,2}settings (?:with|at|on) (?:them|[A-Z][\w.-]+|(?:the|that|this|each) (?:partner|platform|network|provider|company|service))\b/;
/** The user's account record as the object: "you can edit your account information, including …". */
const EDIT_ACCOUNT =
  /\b(?:edit|update|change|correct|review|manage)\s+your\s+(?:[\w'-]+\s+){0,2}(?:account|profile)(?:\s+(?:information|info|details|data|settings|page))?\b/i;
/**
 * The user closing their own account: "you may close your account at any time by going to settings", "you will
 * need to stop using the Services and deactivate your account", "you may ask us to terminate your account", "if you
 * would like to delete your account, you can do this on …".
 */
const CLOSE_ACCOUNT =
  /\bif you (?:would like|want|wish|decide|choose) to (?:close|delete|deactivate|cancel|terminate) (?:your|their) (?:[\w-]+\s+)?accounts?\b(?! (?:data|information|details|settings|records?|history|content)\b)|\b(?:you|users?|members?|customers?)\s+(?:can|may|could|are able to|have the right to|will need to|need to|have to|must|should)\s+(?:also\s+)?(?:(?!we\b)[\w-]+\s+){0,6}?(?:close|delete|deactivate|cancel|terminate)\s+(?:your|their)\s+(?:[\w-]+\s+)?accounts?\b(?:\(s\))?(?! (?:data|information|details|settings|records?|history|content)\b)/i;
/** Asking the company not to share or sell: "you can request that we not share your information". */
const ASK_NOT_TO =
  /\b(?:request|ask|tell|instruct|direct)\b[^.;]{0,40}\bnot (?:to )?(?:share|sell|disclose|transfer|pass)\b/i;
/** Asking the company not to use the data: "you may ask us not to use your data for profiling" is an objection. */
const ASK_NOT_TO_USE = /\b(?:request|ask|tell|instruct|direct)\b[^.;]{0,40}\bnot (?:to )?(?:use|process)\b/i;
/** Stopping the company's contact or use: "the right at any time to stop us from contacting you for marketing". */
const STOP_CONTACT =
  /\b(?:stop|prevent) us from (?:contacting|sending|e-?mailing|calling|messaging|texting)\b/i;
const STOP_USE = /\b(?:stop|prevent) us from (?:using|processing|sharing)\b/i;
/** A consent or cookie tool of the site ("our cookie manager", "the consent management platform"). */
const COOKIE_TOOL =
  /\b(?:cookie|consent|privacy)(?: consent)? (?:manager|management (?:tool|platform|panel)|preference (?:cent(?:er|re)|panel|tool)|settings (?:tool|panel|page|link))\b/i;
/** The "Do Not Sell or Share My Personal Information" link, whichever of its words the clause keeps. */
const DO_NOT_SELL = /\bdo not (?:sell|share)(?: or (?:sell|share))? my\b/i;
/** The link's title as the clause quotes it: '"Do Not Sell My Personal Information"', kept as written. */
const DO_NOT_SELL_TITLE =
  /"((?:Do Not|Don't) (?:Sell|Share)(?: (?:or|and|\/) (?:Sell|Share))? My [\w ]{1,40}?)"/i;
/** A channel to the company: "by contacting our support team", "by emailing privacy@…". */
const CONTACT =
  /\bby (?:contacting|emailing|writing to|calling|sending (?:a request|an email|us an email) to)\b|\b(?:contact|email|write to) us\b/i;
/**
 * Taking consent back, whatever the verb: "withdraw your consent", "revoke your consent to such use", "grant or
 * revoke consent", "retract the consent you gave". Not consent already withdrawn ("where you have withdrawn
 * that consent" is the condition of another right).
 */
const WITHDRAW_CONSENT =
  /\b(?:withdraw|revoke|retract|rescind)(?:ing)? (?:your |their |this |that |such |the |any )?(?:[\w-]+ )?consents?\b|\bconsent,? (?:which|that) (?:you|users?) (?:can|may) (?:\w+ )?(?:withdraw|revoke|retract|rescind)\b/i;
/** Choice phrases that already say where the user acts. */
const PLACED = /\bin (?:settings|your account|your browser|the service)\b|\bbrowser settings\b|\byourself\b/;
/** A clause that points back at the one before it: "If you choose to do this, …", "you can change these settings". */
const POINTS_BACK =
  /\b(?:do (?:so|this|that)|this (?:option|setting|feature|permission|choice)|these (?:settings|options|permissions|choices))\b/i;

/** A quoted phrase that stops where the sentence goes on ("as described under the “…”"): cut mid-clause. */
const CUT_ENDING =
  /\b(?:the|a|an|of|to|for|with|under|as|that|which|who|your|our|their|its|this|these|those|such|and|or|by|described|are|is)$/i;

/**
 * The phrase a pattern captured, or null when quoting it would cut the sentence mid-clause: the capture
 * stopped at a quote ("activities that constitute “sales”"), or ends in a word that needs more after it.
 */
function wholePhrase(m: RegExpExecArray | null): string | null {
  const phrase = m?.[1]?.trim();
  if (!m || !phrase) return null;
  const next = m.input.slice(m.index + m[0].length).trimStart()[0];
  if (next === '"') return null;
  return CUT_ENDING.test(phrase) ? null : phrase;
}

/**
 * A choice the clause spells out, short enough to quote: a long one is cut before its first "and" / "or"
 * ("to use the private area and pick who may see it" → "to use the private area"); null when still long.
 */
function spelledChoice(phrase: string | null): string | null {
  if (!phrase) return null;
  let words = phrase.trim().split(/\s+/);
  if (words.length > 9) {
    const joint = words.findIndex((w, i) => i > 1 && /^(?:and|or)$/i.test(w));
    if (joint > 0) words = words.slice(0, joint);
  }
  return words.length <= 9 ? words.join(' ') : null;
}

/**
 * The choice the clause offers the user, as a short verb phrase ("opt out of personalised ads", "turn it off
 * in settings"), or null. Only where the user has a control (./control.ts): a company's power to delete or
 * remove is no choice of the user's.
 */
function extractChoice(clause: string, leadIn: string | undefined): string | null {
  // A control the clause denies, and rights that are not data rights, name no choice (./choice-grammar.ts).
  const t = withoutOtherControls(clause);
  // The "Do Not Sell or Share" link and a cookie tool are controls whatever the sentence's subject; the
  // tool only when the clause names nothing more precise.
  if (DO_NOT_SELL.test(t)) {
    // The link by the title the clause gives it: "Do Not Sell or Share" would rename it.
    const title = DO_NOT_SELL_TITLE.exec(t)?.[1];
    return title ? `opt out using the control "${title}"` : 'use the "Do Not Sell or Share" link';
  }
  if (!hasUserControl(t, leadIn) && !namesMoreControl(t))
    return COOKIE_TOOL.test(t) ? 'use their consent or cookie settings' : null;
  const inSettings = IN_SETTINGS.test(t) || YOUR_SETTINGS.test(t);
  if (CLOSE_ACCOUNT.test(t)) return 'close your account';
  // Cancelling a subscription, a trial or an order is a right over the contract: not "change it in your
  // account" because it is done there, nor a privacy right (guide §3 user-choice).
  if (isCancellationRight(t)) return 'cancel it';
  // A list item under "You have the right to:" names a right or two ("correct or delete it").
  if (leadIn && hasUserControl(leadIn) && takesLeadInChoice(t, leadIn)) {
    const rights = rightsNamed(t);
    if (rights) return rights;
  }
  if (POST_MORTEM.test(t)) return AFTER_DEATH;
  if (!SIGNAL_IGNORED.test(t)) {
    if (DO_NOT_TRACK.test(t)) return 'turn on Do Not Track in your browser';
    if (GLOBAL_PRIVACY_CONTROL.test(t)) return 'turn on Global Privacy Control in your browser';
    if (OPT_OUT_SIGNAL.test(t)) return 'send an opt-out preference signal from your browser';
  }
  // Cookies deleted or blocked in the browser are no request to the company. A signal the company ignores
  // comes "from your browser": no browser setting the clause offers.
  const ignored = SIGNAL_IGNORED.test(t) && (DO_NOT_TRACK.test(t) || GLOBAL_PRIVACY_CONTROL.test(t));
  if (!ignored && BROWSER.test(t) && !OPT_OUT_COOKIE.test(t)) return 'change your browser settings';
  if (REFUSE_COOKIES.test(t)) return 'refuse cookies';
  // Deactivating an account is closing it (above), not a feature turned off.
  if (
    /\bturn (?:it |this |them )?off\b|\b(?:disable|deactivate)\b(?! (?:your |their |the )?(?:[\w-]+ )?accounts?\b)|\bswitch (?:it )?off\b/i.test(
      t,
    )
  )
    return inSettings ? 'turn it off in settings' : 'turn it off';
  if (/\b(?:turn|switch) (?:it |this |them )?on\b/i.test(t) && !turnsOnAWayOut(t))
    return inSettings ? 'change it in settings' : 'turn it on';
  if (optsInOrOut(t) || choosesWhether(t)) return inSettings ? 'change it in settings' : 'opt in or out';
  if (STOP_CONTACT.test(t)) return 'opt out';
  if (STOP_USE.test(t)) return 'object to processing';
  if (/\bopt(?:s|ed|ing)?[- ]?out\b/i.test(t)) {
    if (inSettings) return 'turn it off in settings';
    const object = wholePhrase(OPT_OBJECT.exec(t))?.split(/\s+/);
    const link = LINK.test(t);
    if (object && object.length <= 8 && !(link && POINTER_OBJECT.test(object[0]!)))
      return `opt out of ${object.join(' ')}`;
    return link ? 'opt out using the link they name' : 'opt out';
  }
  if (/\bunsubscrib\w*/i.test(t)) return 'unsubscribe';
  const withdrawal = WITHDRAW_CONSENT.exec(t);
  if (withdrawal) {
    // "The right to ask us to erase your data, for example where you withdraw your consent": the right comes
    // first and the withdrawal is one of its conditions, so the right is the choice.
    const right = RIGHT_TO.exec(t);
    if (!(right && right.index < withdrawal.index && rightsStated(t).length)) return 'withdraw consent';
  }
  // A list of rights is the user's privacy rights, not the one of them a later test happens to find.
  if (rightsListed(t).length >= MANY_RIGHTS && (USER_REQUEST.test(t) || /\bright to\b/i.test(t)))
    return 'use your privacy rights';
  const stated = rightsStated(t);
  if (stated.length) return stated.slice(0, 2).join(' or ');
  if (/\bobject(?:ion)?\b/i.test(t)) return inSettings ? 'object in settings' : 'object';
  if (/\bopt(?:s|ed|ing)?[- ]?in\b/i.test(t)) return 'opt in';
  const yourself = selfServiceChoice(t, inSettings, IN_ACCOUNT.test(t));
  if (yourself) return yourself;
  if (
    /\b(?:delete|erase)\b(?! (?:[\w-]+ )?cookies\b)/i.test(t) &&
    /\byou (?:can|may)\b|\bright to\b/i.test(t)
  )
    return 'ask for deletion';
  if (COMPLAINT.test(t)) return 'complain to a regulator';
  if (UNFOLLOW.test(t)) return 'unfollow or unlike their page';
  if (rejectsChanges(t)) return 'reject the changes';
  if (choosesAudience(t)) return 'choose who can see it';
  if (inSettings) return 'change it in settings';
  if (SETTINGS_WITH.test(t))
    return LINK_TO.test(t) ? 'use the page or tool they link to' : 'change it in settings';
  if (UI_CONTROL.test(t) || choosesWhat(t)) return 'use the control they describe';
  const chosen = spelledChoice(wholePhrase(CHOOSE_TO.exec(t)));
  if (chosen) return `choose ${chosen}`;
  if (USER_CONSENT.test(t)) return 'give or refuse consent';
  if (PERMISSION.test(t)) return 'allow or refuse the access';
  if (IN_ACCOUNT.test(t) || EDIT_ACCOUNT.test(t)) return 'change it in your account';
  if (VISIT.test(t) && LINK_TO.test(t)) return 'use the page or tool they link to';
  // "You can request a copy of your data": the right the clause itself names.
  if (USER_REQUEST.test(t)) {
    if (ASK_NOT_TO.test(t)) return 'opt out';
    if (ASK_NOT_TO_USE.test(t)) return 'object to processing';
    const rights = rightsNamed(t);
    if (rights) return rights;
  }
  if (requestsThroughAgent(t)) return 'ask through an authorised agent';
  if (uninstalls(t)) return 'uninstall the app';
  // A right to cancel a purchase or withdraw from a contract is no privacy right (guide §3 user-choice), nor is
  // a bare "right to" about no data ("you may have the right to appeal your grade").
  if (
    (/\bexercise (?:your |these |this |any of (?:your|these) )?rights?\b|\byour (?:privacy )?rights\b/i.test(
      t,
    ) ||
      (/\bright (?:at any time |always )?to\b/i.test(t) && speaksOfData(t))) &&
    !isCancellationRight(t)
  )
    return 'use your privacy rights';
  if ((CONTACT.test(t) && (USER_REQUEST.test(t) || EXERCISED.test(t))) || contactsToRequest(t))
    return 'contact them';
  if (COOKIE_TOOL.test(t)) return 'use their consent or cookie settings';
  return null;
}

/**
 * "If you choose to …" makes the practice opt-in only when what is chosen is the practice: refusing cookies
 * or exercising a right is no opting in, and states no default.
 */
const CHOOSE_TO_ACT =
  /\bif you (?:choose|decide|agree) to\b(?! (?:not|refuse|reject|decline|block|disable|delete|opt[- ]?out|turn (?:it |this |them )?off|switch (?:it )?off|exercise|withdraw|unsubscribe|close|deactivate|stop|object|limit|restrict|remove|erase)\b)/i;
const CONSENT = /\bwith your (?:explicit |prior |express )?(?:consent|permission)\b/i;
/** Consent that covers one item a participle names ("location data transmitted by your terminal with your prior consent"), not the practice. */
const ITEM_CONSENT =
  /\b(?:transmitted|provided|collected|sent|obtained|supplied|shared) by (?:your|the) [\w -]{1,30}? with your (?:explicit |prior |express )?(?:consent|permission)\b/i;

/**
 * Consent as one trigger of several ("we may share it with your consent or to complete a transaction you asked
 * for"): the practice also happens without it, so consent sets no default. Not "with your consent or at your
 * direction": both are the user's own move.
 */
const CONSENT_ONE_OF =
  /\bwith your (?:explicit |prior |express )?(?:consent|permission),? (?:or|and\/or)\b(?! (?:at|upon|on) your (?:direction|request|instruction)s?\b)|\b(?:or|and\/or) with your (?:explicit |prior |express )?(?:consent|permission)\b/i;

/**
 * Consent that leaves the default open (guide R1): the sentence also names a way out (on by default, R2/R3),
 * or asks consent only where a law requires it.
 */
const CONSENT_OPEN =
  /\bopt(?:s|ed|ing)?[- ]?out\b|\bobject(?:s|ed|ion)?\b|\bunsubscrib\w*|\b(?:if|where|when) (?:(?:this|it|that|so) is |legally )?required(?: by (?:applicable |local |the )?law)?\b/i;

/** "by default this is off", "by default, the setting is disabled": the default named after "by default". */
const DEFAULT_IS_OFF =
  /\bby default,? (?:this|it|that|these|they|the (?:[\w-]+ ){0,2}(?:setting|feature|option|logging)s?) (?:is|are|will be|stays?|remains?) (?:off|disabled|turned off|not (?:enabled|active|on))\b/i;

function extractDefault(t: string): 'on' | 'off' | null {
  if (
    /\b(?:off|disabled) by default\b|\bby default,? (?:we )?(?:do not|don't|will not)\b/i.test(t) ||
    DEFAULT_IS_OFF.test(t)
  )
    return 'off';
  if (
    (/\bonly (?:if|when|with) you\b|\bopt(?:s|ed)?[- ]?in\b/i.test(t) ||
      CHOOSE_TO_ACT.test(t) ||
      (CONSENT.test(t) && !ITEM_CONSENT.test(t) && !CONSENT_ONE_OF.test(t))) &&
    !CONSENT_OPEN.test(t)
  )
    return 'off';
  if (
    /\bby default\b|\bunless you (?:opt[- ]?out|object|turn|disable|choose not|tell us)\b|\bif you do not (?:opt[- ]?out|object)\b|\b(?:on|enabled) by default\b/i.test(
      t,
    )
  )
    return 'on';
  return null;
}

/** Scope exclusions only count when the clause excludes them ("does not apply to", "except", "excluding"). */
function extractScope(t: string): string[] {
  if (
    !/\b(?:not (?:apply|applicable|used|covered|included)|exclud\w+|except|other than|does not|do not|don't|doesn't|isn't|aren't|not)\b/i.test(
      t,
    )
  )
    return [];
  return collect(t, SCOPE);
}

/**
 * The control a lead-in names, for an item that names none ("Even after you opt out of personalised ads:" —
 * "You will still see our ads."). Not "your rights" alone: a rights lead-in says no more than that the item is
 * a right, and the item names which. "Opt out of the following" points at the items: the opt-out is the choice.
 */
function leadInChoice(lead: string): string | null {
  const c = extractChoice(lead, undefined);
  if (c === null || c === 'use your privacy rights') return null;
  // How a paragraph's own request is made (contact them, a control it describes) is not its items' unless it
  // introduces them ("…, you may submit a request by:").
  // Nor where a paragraph says its data is kept ("… without it being stored in your customer account" reads as
  // "change it in your account").
  if (
    (c === 'contact them' || c === 'use the control they describe' || c === 'change it in your account') &&
    !/:\s*$/.test(lead)
  )
    return null;
  return /^opt out of (?:the following|these|this|those|such|them|it)\b/.test(c) ? 'opt out' : c;
}

/**
 * Slots stated by a clause (a list item's choice may come from its lead-in: "You have the right to:"; a
 * clause that points back — "If you choose to do this, …" — from the sentence before it, `prev`).
 * Pure; lexicon matches on the ASCII-normalised text.
 */
export function extractSlots(text: string, leadIn?: string, prev?: string): Slots {
  const t = asciiPunctuation(text);
  const lead = leadIn === undefined ? undefined : asciiPunctuation(leadIn);
  // "opt-in data" names a record: no control and no default (./choice-grammar.ts).
  const control = withoutOptRecords(t);
  let choice = extractChoice(control, lead);
  if (choice === null && lead !== undefined && takesLeadInChoice(t, lead)) choice = leadInChoice(lead);
  if (choice === null && prev !== undefined && POINTS_BACK.test(t))
    choice = extractChoice(asciiPunctuation(prev), undefined);
  // The route the clause itself names (an address, a number, a site) goes with its choice (./route.ts).
  // Not to a choice that has its own place (settings, the account, the browser): "change it in settings by
  // e-mail to …" would join two routes into one that does not exist.
  const route = choice === null || PLACED.test(choice) ? null : namedRoute(t);
  // "the link they name" is the link in their e-mails, the instructions there, the add-on, the tool or the
  // site the clause names: one way, named once.
  if (route !== null)
    choice = /^(?:using the (?:link|control|tool)|by following|by installing|on the sites?)\b/.test(route)
      ? `${choice!.replace(/ using the link they name$/, '')} ${route}`
      : `${choice} ${route}`;
  return {
    data: withoutSubsumed(collect(withoutNonData(t), DATA)),
    purposes: collect(t, PURPOSES),
    safeguards: collect(t, SAFEGUARDS),
    choice,
    scope: extractScope(t),
    default: extractDefault(control),
  };
}

/** No slots at all. */
export function emptySlots(): Slots {
  return { data: [], purposes: [], safeguards: [], choice: null, scope: [], default: null };
}

/**
 * Every phrase the lexicons can put in a list slot or a right; each has a `_locales` entry
 * (./slot-text.ts), checked by tests/unit/locales.test.ts.
 */
export const LEXICON_PHRASES = {
  data: DATA.map(([, p]) => p),
  purpose: PURPOSES.map(([, p]) => p),
  safeguard: SAFEGUARDS.map(([, p]) => p),
  scope: SCOPE.map(([, p]) => p),
  choice: RIGHTS.map(([, p]) => p),
} as const;
