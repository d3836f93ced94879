/**
 * Service and account messages (data/GUIDE.md §3 targeted-advertising, "Not", settled 2026-12-07, session 10):
 * administrative e-mails, account updates, security alerts, notices about the user's orders. The model reads
 * "e-mail", "messages" and "notifications" and scores the company's own marketing; a message that promotes
 * nothing is no marketing. Any word of marketing, ads, offers, promotion, newsletters, tracking or partners keeps
 * the label. Text arrives in ASCII punctuation.
 * @module
 */

const SERVICE_MESSAGES =
  /\b(?:administrative|admin|transactional|service(?:-related)?|account(?:-related)?|operational|security|technical|system|billing|legal|support|maintenance) (?:e-?mails?|e-?mail messages|messages?|notices?|notifications?|communications?|announcements?|alerts?|updates?)\b|\b(?:updates?|notifications?|messages?) (?:regarding|about|on|to|concerning|related to) your (?:account|transactions?|orders?|bookings?)\b/i;
const PROMOTES =
  /\bmarket\w*|\badvert\w*|\bads?\b|\bpromot\w*|\boffers?\b|\bdeals?\b|\bnewsletters?\b|\bcommercial\b|\bsponsor\w*|\b(?:re)?target\w*|\bpersonali[sz]\w*|\bprofil\w*|\btrack\w*|\bcookies?\b|\binterest-based\b|\bbehavio\w*|\bthird[- ]part\w*|\bpartners?\b|\bdiscounts?\b|\bcoupons?\b|\bsurveys?\b|\bcontests?\b|\bsweepstakes\b|\bnews\b|\bevents?\b|\bproducts?\b|\bunsubscrib\w*/i;
/**
 * Service messages named as the exception ("other than service-related notices", "(except account alerts)"):
 * the rest of the sentence is about the other messages, usually marketing.
 */
const EXCEPTED =
  /\((?:[^()]*?\b(?:other than|except|excluding|apart from|aside from|but not)\b[^()]*)\)|\b(?:other than|except(?: for)?|excluding|apart from|aside from|but not)\b[^.;:)]*/gi;

export function isServiceMessagesOnly(text: string): boolean {
  return SERVICE_MESSAGES.test(text.replace(EXCEPTED, ' ')) && !PROMOTES.test(text);
}
