// The offscreen document's client (lib/offscreen-client.ts) against a fake browser that reproduces the two
// races seen in CI: a document listed before it listens, and concurrent creations.
import { describe, expect, it } from 'vitest';
import { createOffscreenClient, type OffscreenEnv } from '@/lib/offscreen-client';

/**
 * A fake Chrome: `create` lists the document at once but it starts listening only when `listen()` is
 * called (the document's script has run); a second creation rejects as Chrome does.
 */
function fakeChrome() {
  let exists = false;
  let listening = false;
  let created = 0;
  const pending: (() => void)[] = [];
  const env: OffscreenEnv = {
    // Answered a task later, as the browser does: it reads the list as it is then.
    count: () => new Promise((resolve) => setTimeout(() => resolve(exists ? 1 : 0), 0)),
    create: () => {
      if (exists) return Promise.reject(new Error('Only a single offscreen document may be created.'));
      exists = true;
      created++;
      return new Promise<void>((resolve) => pending.push(resolve));
    },
    send: async (message) => (listening ? { echo: message } : undefined),
    wait: async () => undefined,
  };
  return {
    env,
    created: () => created,
    /** The document's script has run: it listens, and its creation resolves. */
    load: () => {
      listening = true;
      for (const resolve of pending.splice(0)) resolve();
    },
  };
}

describe('createOffscreenClient', () => {
  it('creates the document once for concurrent callers, and none of them sends before it has loaded', async () => {
    const chrome = fakeChrome();
    const client = createOffscreenClient(chrome.env);
    const first = client.ensure();
    await Promise.resolve();
    const replies = [client.ask('a'), client.ask('b')];
    let settled = 0;
    for (const r of replies) void r.then(() => settled++);
    await new Promise((resolve) => setTimeout(resolve, 10));
    // The document is listed but has not loaded: no caller has had a reply yet.
    expect(settled).toBe(0);
    chrome.load();
    await first;
    expect(await Promise.all(replies)).toEqual([{ echo: 'a' }, { echo: 'b' }]);
    expect(chrome.created()).toBe(1);
  });

  it('makes a caller that counted during another caller’s creation wait for it', async () => {
    const chrome = fakeChrome();
    const client = createOffscreenClient(chrome.env);
    // Both count at once: one creates, the other then finds the document listed but not loaded.
    const calls = [client.ensure(), client.ensure()];
    let settled = 0;
    for (const c of calls) void c.then(() => settled++);
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(settled).toBe(0);
    chrome.load();
    await Promise.all(calls);
    expect(chrome.created()).toBe(1);
  });

  it('sends once more when the first send finds no listener', async () => {
    const chrome = fakeChrome();
    chrome.load(); // no creation in flight
    let sends = 0;
    const client = createOffscreenClient({
      ...chrome.env,
      count: async () => 1,
      send: async (message) =>
        ++sends === 1 ? Promise.reject(new Error('Receiving end does not exist.')) : { echo: message },
    });
    expect(await client.ask('x')).toEqual({ echo: 'x' });
    expect(sends).toBe(2);
  });

  it('passes on a creation error that is not the one-document rule', async () => {
    const client = createOffscreenClient({
      count: async () => 0,
      create: () => Promise.reject(new Error('offscreen is disabled by policy')),
      send: async () => undefined,
      wait: async () => undefined,
    });
    await expect(client.ensure()).rejects.toThrow(/disabled by policy/);
    // The failed creation is forgotten: the next caller tries again.
    await expect(client.ensure()).rejects.toThrow(/disabled by policy/);
  });
});
