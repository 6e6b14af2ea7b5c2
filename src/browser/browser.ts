import type { Browser } from "puppeteer";
import { BriefingError } from "../errors.js";
import { onInterrupt } from "../interrupt.js";
import type { FoundBrowser } from "./find-browser.js";
import { killBrowser } from "./processes.js";
import { makeProfile, removeProfile } from "./profile.js";
import { protocolGrace, stepLimit } from "./step.js";

// Headless Chromium with nothing reaching out on its own: no updates, sync or metrics.
const quietArgs = [
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--disable-default-apps",
  "--disable-extensions",
  "--no-first-run",
  "--no-default-browser-check",
  "--metrics-recording-only",
  "--mute-audio",
  "--font-render-hinting=none",
];

/** How the browser is launched. */
export interface LaunchOptions {
  /** The user's `--timeout`, in ms: the limit of each step of a page. */
  timeout?: number;
}

/** True when Chromium must run without its sandbox, which it refuses to use as root. */
export function needsNoSandbox(): boolean {
  return typeof process.getuid === "function" && process.getuid() === 0;
}

/** What to tell the user, once, when the browser runs without its sandbox. */
export const noSandboxNotice =
  "running as root, so Chromium runs without its sandbox; network and file access are blocked instead";

/** A browser launched by `launch`, and the one way its owner ends it. */
export interface LaunchedBrowser {
  browser: Browser;
  /**
   * Ends the browser once its work is done, and resolves when its profile is gone. On Linux it
   * is killed, with all its processes: Chromium's own shutdown (about 0.35 s here) saves a
   * profile that is removed anyway. Elsewhere it is asked to close.
   */
  end(): Promise<void>;
}

/**
 * Launches the browser headless, with a profile folder of its own that is removed as soon as
 * the browser exits, however it exits; Ctrl-C kills it and removes the folder too. The caller
 * owns it and must `end` it: a run's browser is owned by its `BrowserSession`.
 */
export async function launch(
  found: FoundBrowser,
  options: LaunchOptions = {},
): Promise<LaunchedBrowser> {
  const { default: puppeteer } = await import("puppeteer");
  const args = [...quietArgs];
  if (needsNoSandbox()) args.push("--no-sandbox");
  const profile = await makeProfile();
  let pid: number | undefined;
  // Once it has exited its pid may be another process's: it is killed only before that.
  let exited = false;
  let cleanedUp = false;
  let killed = false;
  const stop = () => {
    if (!exited) killBrowser(pid, profile, found.executablePath);
    killed = true;
  };
  const cleanUp = () => {
    if (cleanedUp) return;
    cleanedUp = true;
    stop();
    removeProfile(profile);
  };
  const forget = onInterrupt(cleanUp);
  let browser: Browser;
  try {
    browser = await puppeteer.launch({
      executablePath: found.executablePath,
      headless: true,
      args,
      // Talked to over a pipe, not a port: when this process dies, even by SIGKILL, the pipe
      // closes and Chromium exits, instead of living on for ever.
      pipe: true,
      // Puppeteer's own temporary profile would outlive a killed build; ours does not.
      userDataDir: profile,
      // Every step of a page has a limit of its own (see `inStep`) that says what was going on;
      // Puppeteer's, on each call, is only a backstop behind it. The one call that takes longer
      // than a step, the print of a big deck, carries its own (see `printToPdf`).
      protocolTimeout: stepLimit(options.timeout) + protocolGrace,
      // Our own Ctrl-C handling closes the browser; Puppeteer's would race it.
      handleSIGINT: false,
      handleSIGTERM: false,
      handleSIGHUP: false,
    });
  } catch (error) {
    forget();
    cleanUp();
    throw new BriefingError(
      "environment",
      `could not start the browser at ${found.executablePath} (found by ${found.from}): ${launchFailure(error)}`,
      { cause: error },
    );
  }
  settleWhenGone(browser);
  const child = browser.process();
  pid = child?.pid;
  // Killed (see `end`), it resets its end of the pipe before Puppeteer has let go of ours; a
  // reset with no listener would throw in the middle of nowhere.
  for (const stream of child?.stdio ?? []) stream?.on("error", () => {});
  const gone = new Promise<void>((resolve) => {
    // Closed, crashed or killed: its helpers go with it, and so does the profile.
    child?.once("exit", () => {
      exited = true;
      forget();
      // Killed by someone else or crashed, its helpers can outlive it for a moment and write
      // into the profile after it is removed: they are found by the profile they name, since
      // its pid may no longer be its. Stopped here, its whole process group went with it.
      if (!killed) killBrowser(undefined, profile, found.executablePath);
      cleanUp();
      resolve();
    });
  });
  const killable = child && child.exitCode === null && process.platform === "linux";
  const end = async () => {
    if (!killable) {
      await browser.close().catch(() => {});
      return;
    }
    try {
      await browser.disconnect();
    } catch {
      // Already gone: the kill below finds nothing to do.
    } finally {
      stop();
      await gone;
    }
  };
  return { browser, end };
}

/**
 * Launches the browser as `launch` does, for a caller that closes it with `browser.close()`
 * (a test, a benchmark); its profile goes when it exits.
 */
export async function launchBrowser(
  found: FoundBrowser,
  options: LaunchOptions = {},
): Promise<Browser> {
  return (await launch(found, options)).browser;
}

/**
 * Makes Puppeteer's waits for a new page give up as soon as the browser is gone. `newPage` waits
 * for its tab with a 30 s timer of its own that nothing cancels, and a browser closed meanwhile
 * (a step that timed out ends the build) never sends the tab: the timer then held a library
 * caller's process open for 30 s after its build was over.
 */
function settleWhenGone(browser: Browser): void {
  const gone = new AbortController();
  browser.once("disconnected", () => gone.abort(new Error("the browser is gone")));
  const waitForTarget = browser.waitForTarget.bind(browser);
  browser.waitForTarget = (predicate, options = {}) => {
    if (gone.signal.aborted) return Promise.reject(gone.signal.reason);
    const signal = options.signal ? AbortSignal.any([options.signal, gone.signal]) : gone.signal;
    return waitForTarget(predicate, { ...options, signal });
  };
}

/** Why the browser did not start: what it printed, or that it did not answer in time. */
function launchFailure(error: unknown): string {
  const name = (error as Error)?.name;
  if (name === "TimeoutError") return "it did not answer within 30 s";
  // Its pipe closed before it answered: what it printed, if anything, is in its own log.
  if (name === "TargetCloseError" || name === "ConnectionClosedError") {
    return "it quit as soon as it started";
  }
  return (error as Error).message.split("\n")[0] ?? "";
}

/**
 * Says in words why work with `browser` failed outside any step (see `inStep`, which names its
 * own), when the browser is the reason: it quit, or Puppeteer gave up on it.
 */
export function browserFailure(
  error: unknown,
  browser: Browser | undefined,
): BriefingError | undefined {
  if (error instanceof BriefingError) return undefined;
  const options = { cause: error };
  if (browser && !browser.connected) {
    return new BriefingError("environment", "the browser quit (it crashed or was killed)", options);
  }
  if (puppeteerErrors.has((error as Error)?.name)) {
    return new BriefingError("environment", "the browser stopped answering", options);
  }
  return undefined;
}

const puppeteerErrors = new Set([
  "TimeoutError",
  "ProtocolError",
  "TargetCloseError",
  "ConnectionClosedError",
]);
