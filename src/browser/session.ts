import type { Browser, Page } from "puppeteer";
import { type LaunchedBrowser, launch, needsNoSandbox, noSandboxNotice } from "./browser.js";
import { GuardedPage, type GuardOptions, type LendOptions, type PageLender } from "./deck-page.js";
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
 * owner: found and launched by the first brief that needs it, shared by all, lending them its
 * guarded pages, and killed or closed, with its profile and its pages, when the session is
 * disposed (`await using`) once the run is done. Ctrl-C kills it anyway (see `launch`).
 */
export class BrowserSession implements AsyncDisposable, PageLender {
  private launching?: Promise<LaunchedBrowser>;
  // Pages put back for the next use: they live as long as the browser, the run's.
  private readonly idle: GuardedPage[] = [];

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

  /**
   * Runs `fn` with a guarded page of the browser (see `GuardedPage`), started if need be. The
   * page is closed afterwards; with `reuse`, a page that `fn` left in good order is kept for the
   * next use instead, which saves Chromium a new page (a few hundred milliseconds a deck in a
   * batch). It keeps its last document until the next use opens another: emptying it first (a
   * navigation to about:blank) cost a batch time on every deck, and a session's pages live
   * only as long as its run.
   */
  async withPage<T>(
    options: GuardOptions,
    fn: (page: Page) => Promise<T>,
    { reuse = false }: LendOptions = {},
  ): Promise<T> {
    const browser = await this.browser();
    let guarded = reuse ? this.idle.shift() : undefined;
    while (guarded?.page.isClosed()) guarded = this.idle.shift();
    guarded ??= await GuardedPage.open(browser, options.timeout);
    let inGoodOrder = false;
    try {
      const result = await guarded.use(options, fn);
      inGoodOrder = true;
      return result;
    } finally {
      if (reuse && inGoodOrder) this.idle.push(guarded);
      else await guarded.page.close().catch(() => {});
    }
  }

  /** Ends the browser if it was started; a session may be disposed more than once. */
  async [Symbol.asyncDispose](): Promise<void> {
    // Its pages go with it.
    this.idle.length = 0;
    await (await this.launched())?.end();
  }

  private launched(): Promise<LaunchedBrowser | undefined> {
    return this.launching?.catch(() => undefined) ?? Promise.resolve(undefined);
  }
}
