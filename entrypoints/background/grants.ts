/**
 * The origins the user allowed Fineprint to read (lib/fetch/grants.ts), kept in `storage.local`: recorded
 * when they grant through Fineprint's own pages, dropped when the browser permission covering them goes.
 */
import { browser } from 'wxt/browser';
import {
  addGrants,
  GRANTS_KEY,
  isOriginGranted,
  readGrants,
  removeGrantsCoveredBy,
  type GrantSource,
} from '@/lib/fetch/grants';
import { originOf, originPattern } from '@/lib/fetch/origins';
import type { Req, Res } from '@/lib/messages';

export const grantSource: GrantSource = {
  load: async () => (await browser.storage.local.get(GRANTS_KEY))[GRANTS_KEY],
  contains: (pattern) => browser.permissions.contains({ origins: [pattern] }),
};

/** Whether the user granted this exact origin (our record and the browser's permission). */
export const isGranted = (origin: string): Promise<boolean> => isOriginGranted(origin, grantSource);

// Read-modify-write of one storage key: one change at a time, so two grants at once both stay.
let queue: Promise<unknown> = Promise.resolve();
function update(change: (list: string[]) => string[]): Promise<string[]> {
  const next = queue.then(async () => {
    const list = change(readGrants(await grantSource.load()));
    await browser.storage.local.set({ [GRANTS_KEY]: list });
    return list;
  });
  queue = next.catch(() => undefined);
  return next;
}

/**
 * `ui→bg:grant-origins`, sent by Fineprint's pages (popup, options, history) right after the browser's
 * permission prompt said yes. Only origins the browser now really covers are recorded, each exactly (scheme,
 * host and port).
 */
export async function grantOriginsHandler({
  origins,
}: Req<'ui→bg:grant-origins'>): Promise<Res<'ui→bg:grant-origins'>> {
  const held: string[] = [];
  // The route's guard hands them over as parsed URLs ("https://shop.example/"): the origin of each is recorded.
  for (const origin of new Set(origins.map((o) => originOf(o)))) {
    const pattern = origin ? originPattern(origin) : null;
    if (!origin || !pattern) continue;
    if (await browser.permissions.contains({ origins: [pattern] }).catch(() => false)) held.push(origin);
  }
  if (held.length > 0) await update((list) => addGrants(list, held));
  return { granted: held };
}

/** Forget grants whose browser permission the user removed (registered at background start). */
export function registerGrantCleanup(): void {
  browser.permissions.onRemoved.addListener((removed) => {
    const patterns = removed.origins ?? [];
    if (patterns.length > 0) void update((list) => removeGrantsCoveredBy(list, patterns));
  });
}
