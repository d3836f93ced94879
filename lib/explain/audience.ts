/**
 * Who sees the data when the clause names only the service's other users or the public ("is public and can be
 * viewed by all other members", "your profile is visible to other users"): guide §3 counts it as data-sharing
 * when the company passes it, but "shared with other companies or organisations" names a recipient the clause
 * does not (issue 23, v7 cluster E).
 * @module
 */

const OTHER_USERS =
  /\b(?:is|are|will be|becomes?|made) public\b|\b(?:viewed|seen|visible|accessible|available|shown|displayed) (?:to|by) (?:all |any |every )?(?:(?:the )?other |fellow )?(?:users?|members?|players?|visitors?|browsers?|viewers?|people|anyone|everyone|the public)\b/i;
/** A recipient outside the service's users: then the general sentence is the right one. */
const OTHER_RECIPIENT =
  /\b(?:third[- ]part\w*|partners?|advertisers?|vendors?|service providers?|affiliates?|compan(?:y|ies)|organi[sz]ations?|authorit\w+|law enforcement|processors?|buyers?|purchasers?)\b/i;

/** Whether the clause shares the data only with the service's other users or the public. */
export function shownToOtherUsers(text: string): boolean {
  return OTHER_USERS.test(text) && !OTHER_RECIPIENT.test(text);
}
