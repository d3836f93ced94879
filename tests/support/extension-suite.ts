/**
 * The setup most real-browser suites share: one local server with the suite's routes and one Chromium with
 * the built extension, started before the suite's tests and closed after them. Call it at the top of a
 * `describe` body; read `browser` and `server` inside tests (they exist once `beforeAll` has run).
 * @module
 */
import { afterAll, beforeAll } from 'vitest';
import {
  launchExtension,
  serve,
  type LaunchedBrowser,
  type LaunchOptions,
  type Route,
  type TestServer,
} from './harness';

export interface ExtensionSuite {
  readonly browser: LaunchedBrowser;
  readonly server: TestServer;
}

/**
 * @param routes what the server serves (built when the suite starts, so reading corpus files waits for it).
 * @param launch options for the browser, likewise built when the suite starts (e.g. a copied extension).
 */
export function extensionSuite(
  routes: Record<string, Route> | (() => Record<string, Route>),
  launch: LaunchOptions | (() => LaunchOptions) = {},
): ExtensionSuite {
  let browser: LaunchedBrowser | undefined;
  let server: TestServer | undefined;
  beforeAll(async () => {
    server = await serve(typeof routes === 'function' ? routes() : routes);
    browser = await launchExtension(typeof launch === 'function' ? launch() : launch);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  const started = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`${what} is not started yet: read it inside a test`);
    return value;
  };
  return {
    get browser() {
      return started(browser, 'the browser');
    },
    get server() {
      return started(server, 'the server');
    },
  };
}
