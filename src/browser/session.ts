import type { Browser } from "puppeteer";
import { type LaunchedBrowser, launch, needsNoSandbox, noSandboxNotice } from "./browser.js";
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
 * The one browser of a run (a build's batch, a check, a preview's downloads), and its only
 * owner: found and launched by the first brief that needs it, shared by all, and killed or
 * closed, with its profile, when the session is disposed (`await using`) once the run is done.
 * Ctrl-C kills it anyway (see `launch`).
 */
export class BrowserSession implements AsyncDisposable {
  private launching?: Promise<LaunchedBrowser>;

  constructor(private readonly options: SessionOptions) {}

  /** The browser, started now if it is not already starting. */
  async browser(): Promise<Browser> {
    this.launching ??= findBrowser(this.options.browserPath).then((found) => {
      if (needsNoSandbox()) this.options.onNotice?.(noSandboxNotice);
      return launch(found, { timeout: this.options.timeout });
    });
    return (await this.launching).browser;
  }

  /** The browser if it was started, for telling why a page failed. */
  async started(): Promise<Browser | undefined> {
    return (await this.launched())?.browser;
  }

  /** Ends the browser if it was started; a session may be disposed more than once. */
  async [Symbol.asyncDispose](): Promise<void> {
    await (await this.launched())?.end();
  }

  private launched(): Promise<LaunchedBrowser | undefined> {
    return this.launching?.catch(() => undefined) ?? Promise.resolve(undefined);
  }
}
