/**
 * The background's message router: an allow-list of message names, each with the guard its payload must
 * pass and the handler that acts on it. A message is handled only if its name is in the table, its
 * sender is the kind the name promises (a tab's content script for `content→`, our own pages for
 * `popup→`/`options→`/`history→`/`ui→`/`offscreen→`), it is not oversized and its payload passes the guard.
 * Everything else is rejected with a reason and no handler runs. Pure: the caller supplies the
 * extension's identity and a logger.
 * @module
 */
import type { MessageName, Req, Res } from './messages';
import {
  checkSender,
  expectedSender,
  jsonSize,
  LIMITS,
  type Check,
  type Guard,
  type SelfInfo,
  type SenderInfo,
  type ValidSender,
} from './message-guards';

// A guard takes (value, path); a sender-dependent factory takes the sender and returns a guard. Factories
// carry a brand so the two can never be confused (a plain function is always treated as a guard).
const FACTORY: unique symbol = Symbol('fineprint.guard-factory');

/** A guard that depends on who sent the message (made with `perSender`). */
export type SenderGuard<T> = ((sender: ValidSender) => Guard<T>) & { readonly [FACTORY]: true };

/** Marks a sender-dependent guard factory for use in a route. */
export function perSender<T>(factory: (sender: ValidSender) => Guard<T>): SenderGuard<T> {
  return Object.assign((sender: ValidSender) => factory(sender), { [FACTORY]: true as const });
}

export interface Route<N extends MessageName> {
  /** The payload guard, or a `perSender` factory when the check depends on the sender (the page's site). */
  guard: Guard<Req<N>> | SenderGuard<Req<N>>;
  handle: (payload: Req<N>, sender: ValidSender) => Promise<Res<N>> | Res<N>;
  /** JSON size limit of the whole message; defaults to `LIMITS.defaultBytes`. */
  maxBytes?: number;
}

/** One entry per message the background accepts. */
export type RouteTable = { [N in MessageName]?: Route<N> };

/** The error a rejected message's sender receives. */
export class MessageRejected extends Error {
  constructor(readonly reason: string) {
    super(`Fineprint rejected the message: ${reason}`);
    this.name = 'MessageRejected';
  }
}

export interface Accepted {
  type: MessageName;
  payload: unknown;
  sender: ValidSender;
  route: Route<MessageName>;
}

/** Whether a message name is addressed to the background at all (`x→bg:…`). */
export function isForBackground(type: string): boolean {
  return /^[a-z]+→bg:/.test(type);
}

/**
 * Checks one incoming message against the table without running anything.
 * @returns the validated (rebuilt) payload and sender, or the reason for rejection.
 */
export function validateIncoming(
  table: RouteTable,
  message: unknown,
  rawSender: SenderInfo,
  self: SelfInfo,
): Check<Accepted> {
  if (typeof message !== 'object' || message === null || Array.isArray(message)) {
    return { ok: false, reason: 'not a message envelope' };
  }
  const { type } = message as { type?: unknown };
  if (typeof type !== 'string' || type.length > 100) return { ok: false, reason: 'message type missing' };
  const keys = Object.keys(message);
  if (keys.some((k) => k !== 'type' && k !== 'payload'))
    return { ok: false, reason: 'unexpected envelope fields' };
  if (!Object.hasOwn(table, type))
    return { ok: false, reason: `unknown message type ${JSON.stringify(type)}` };
  const route = table[type as MessageName] as Route<MessageName>;
  const kind = expectedSender(type);
  if (!kind) return { ok: false, reason: `no sender may send ${type}` };
  const sender = checkSender(kind, rawSender, self);
  if (!sender.ok) return sender;
  const size = jsonSize(message);
  const max = route.maxBytes ?? LIMITS.defaultBytes;
  if (size === null) return { ok: false, reason: 'payload is not serialisable' };
  if (size > max) return { ok: false, reason: `payload too large (${size} > ${max} bytes)` };
  const resolved = resolveGuard(route.guard, sender.value);
  const payload = resolved((message as { payload?: unknown }).payload, 'payload');
  if (!payload.ok) return payload;
  return {
    ok: true,
    value: { type: type as MessageName, payload: payload.value, sender: sender.value, route },
  };
}

function resolveGuard(guard: Route<MessageName>['guard'], sender: ValidSender): Guard<unknown> {
  return FACTORY in guard ? (guard as SenderGuard<unknown>)(sender) : (guard as Guard<unknown>);
}

/**
 * Builds the `runtime.onMessage` listener body. Returns `undefined` for messages addressed to another
 * context (so that context can answer), a rejected promise with a `MessageRejected` for anything
 * refused, and otherwise the handler's promise.
 */
export function createRouter(
  table: RouteTable,
  self: SelfInfo,
  log: (reason: string, type: string) => void = () => undefined,
): (message: unknown, sender: SenderInfo) => Promise<unknown> | undefined {
  return (message, sender) => {
    const type =
      typeof message === 'object' && message !== null ? (message as { type?: unknown }).type : undefined;
    if (typeof type === 'string' && !isForBackground(type)) return undefined;
    const checked = validateIncoming(table, message, sender, self);
    if (!checked.ok) {
      log(checked.reason, typeof type === 'string' ? type.slice(0, 100) : '(none)');
      return Promise.reject(new MessageRejected(checked.reason));
    }
    const { route, payload, sender: valid } = checked.value;
    try {
      return Promise.resolve(route.handle(payload as never, valid));
    } catch (error) {
      return Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
  };
}
