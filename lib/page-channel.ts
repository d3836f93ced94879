/**
 * The messages a page's analysis answers: Fineprint's own pages (the popup turning highlights on or off or
 * asking for a clause, the background asking which page a tab is on) and nothing else. Every message is
 * checked with the shared guards (lib/message-guards.ts) before anything acts on it: the sender must be one
 * of this extension's own pages, the envelope holds only `type` and `payload`, and the payload has exactly
 * the declared shape. Pure: the caller passes the sender and the extension's identity.
 * @module
 */
import { bool, empty, LIMITS, obj, str, type Check, type Guard } from './message-guards';
import { fromOwnExtension, type OwnExtension, type Req } from './messages';

const guards = {
  'popup→content:toggle-highlights': obj({ on: bool }),
  'popup→content:reveal-clause': obj({ clauseId: str({ max: LIMITS.id }) }),
  'bg→content:get-report': empty,
} satisfies { [N in PageMessageName]: Guard<Req<N>> };

export type PageMessageName =
  'popup→content:toggle-highlights' | 'popup→content:reveal-clause' | 'bg→content:get-report';

/** One accepted message, its payload rebuilt by its guard. */
export type PageMessage = { [N in PageMessageName]: { type: N; payload: Req<N> } }[PageMessageName];

/**
 * The message if it is one for the page's analysis from our own pages, else why not. A message addressed to
 * another context (the background's, another extension's) is refused the same way: the page answers nothing.
 */
export function checkPageMessage(
  message: unknown,
  sender: { id?: string; url?: string },
  self: OwnExtension,
): Check<PageMessage> {
  if (!fromOwnExtension(sender, self)) return { ok: false, reason: 'sender: not our own page' };
  if (typeof message !== 'object' || message === null || Array.isArray(message))
    return { ok: false, reason: 'not a message envelope' };
  if (Object.keys(message).some((k) => k !== 'type' && k !== 'payload'))
    return { ok: false, reason: 'unexpected envelope fields' };
  const { type, payload } = message as { type?: unknown; payload?: unknown };
  if (typeof type !== 'string' || !Object.hasOwn(guards, type))
    return { ok: false, reason: 'not a message for the page' };
  const name = type as PageMessageName;
  const checked = (guards[name] as Guard<unknown>)(payload, 'payload');
  if (!checked.ok) return checked;
  return { ok: true, value: { type: name, payload: checked.value } as PageMessage };
}
