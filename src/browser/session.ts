import type { Browser } from "puppeteer";
import { closeBrowser, launchBrowser, needsNoSandbox, noSandboxNotice } from "./browser.js";
import { findBrowser } from "./find-browser.js";

/** How the browser of a run is found and launched. */
export interface SessionOptions {
  browserPath?: string;
  /** The user's `--timeout`, in ms (see `stepLimit`). */
  timeout?: number;
  /** Told, once, that the browser runs without its sandbox. */
  onNotice?: (message: string) => void;
}

/**
 * The one browser of a run (a build's batch, a check): found and launched by the first brief
 * that needs it, shared by all, and killed or closed, with its profile, by `close` (also
 * `Symbol.asyncDispose`) once the run is done. Ctrl-C kills it anyway (see `launchBrowser`).
 */
export class BrowserSession {
  private launching?: Promise<Browser>;

  constructor(private readonly options: SessionOptions) {}

  /** The browser, started now if it is not already starting. */
  browser(): Promise<Browser> {
    this.launching ??= findBrowser(this.options.browserPath).then((found) => {
      if (needsNoSandbox()) this.options.onNotice?.(noSandboxNotice);
      return launchBrowser(found, { timeout: this.options.timeout });
    });
    return this.launching;
  }

  /** The browser if it was started, for telling why a page failed. */
  started(): Promise<Browser | undefined> {
    return this.launching?.catch(() => undefined) ?? Promise.resolve(undefined);
  }

  async close(): Promise<void> {
    const browser = await this.started();
    if (browser) await closeBrowser(browser);
  }

  [Symbol.asyncDispose](): Promise<void> {
    return this.close();
  }
}
