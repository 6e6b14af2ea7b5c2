import { readdirSync, readFileSync, readlinkSync, realpathSync, rmSync, statSync } from "node:fs";
import { mkdtemp } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { Browser } from "puppeteer";
import { BriefingError } from "../errors.js";
import { onInterrupt } from "../interrupt.js";
import { isRunning } from "../is-running.js";
import type { FoundBrowser } from "./find-browser.js";
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

/** The prefix of the browser profile folders the tool makes in the temporary folder. */
export const profilePrefix = "briefing-chromium-";

/**
 * Launches the browser headless, with a profile folder of its own that is removed as soon as
 * the browser exits, however it exits; Ctrl-C kills it and removes the folder too. The caller
 * owns the browser and must close it.
 */
export async function launchBrowser(
  found: FoundBrowser,
  options: LaunchOptions = {},
): Promise<Browser> {
  const { default: puppeteer } = await import("puppeteer");
  const args = [...quietArgs];
  if (needsNoSandbox()) args.push("--no-sandbox");
  removeStaleProfiles(os.tmpdir());
  // Named after this process, so that a later launch knows when its owner is gone.
  const profile = await mkdtemp(path.join(os.tmpdir(), `${profilePrefix}${process.pid}-`));
  let pid: number | undefined;
  // Once it has exited its pid may be another process's: it is killed only before that.
  let exited = false;
  let cleanedUp = false;
  const stop = () => {
    if (!exited) killBrowser(pid, profile, found.executablePath);
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
  // Killed (see `closeBrowser`), it resets its end of the pipe before Puppeteer has let go of
  // ours; a reset with no listener would throw in the middle of nowhere.
  for (const stream of child?.stdio ?? []) stream?.on("error", () => {});
  const gone = new Promise<void>((resolve) => {
    // Closed, crashed or killed: its helpers go with it, and so does the profile.
    child?.once("exit", () => {
      exited = true;
      forget();
      cleanUp();
      resolve();
    });
  });
  if (child && child.exitCode === null && process.platform === "linux") {
    stoppers.set(browser, async () => {
      try {
        await browser.disconnect();
      } finally {
        stop();
        await gone;
      }
    });
  }
  return browser;
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

/** How to stop each browser launched here at once, where that is known to leave nothing behind. */
const stoppers = new WeakMap<Browser, () => Promise<void>>();

/**
 * Closes a browser launched by `launchBrowser` once its work is done, and removes its profile.
 * On Linux it is killed, with all its processes: Chromium's own shutdown (docs/performance.md
 * has its time) saves a profile that is removed anyway. Elsewhere it is asked to close.
 */
export async function closeBrowser(browser: Browser): Promise<void> {
  const stop = stoppers.get(browser);
  stoppers.delete(browser);
  await (stop ? stop() : browser.close()).catch(() => {});
}

/**
 * Kills the browser, which must not have exited yet, with its helpers: Puppeteer starts it as
 * the leader of its own process group. A browser whose launch was cut short has no known pid;
 * on Linux its processes are then those that run its executable with its profile, so that a
 * user's `du` or editor looking at that folder is left alone.
 */
function killBrowser(pid: number | undefined, profile: string, executable: string): void {
  if (pid) {
    kill(process.platform === "win32" ? pid : -pid);
    return;
  }
  const runsBrowser = browserExecutable(executable);
  for (const [other, line] of commandLines()) {
    if (line.includes(profile) && runsBrowser(other)) kill(other);
  }
}

function kill(target: number): void {
  try {
    process.kill(target, "SIGKILL");
  } catch {
    // Already gone.
  }
}

/**
 * A test of whether a process runs the browser at `executable`. Debian's /usr/bin/chromium is
 * a script that execs /usr/lib/chromium/chromium, so a binary of the same name counts too.
 */
function browserExecutable(executable: string): (pid: number) => boolean {
  let real = executable;
  try {
    real = realpathSync(executable);
  } catch {
    // Gone since it was found: its name is all there is to go by.
  }
  return (pid) => {
    try {
      const exe = readlinkSync(`/proc/${pid}/exe`);
      return exe === real || path.basename(exe) === path.basename(real);
    } catch {
      // Exited meanwhile, or not ours to look at (and so not ours to kill).
      return false;
    }
  };
}

/** Every process's command line by pid, on Linux (Chromium's names its profile); elsewhere none. */
function commandLines(): Map<number, string> {
  const lines = new Map<number, string>();
  if (process.platform !== "linux") return lines;
  let entries: string[] = [];
  try {
    entries = readdirSync("/proc").filter((name) => /^\d+$/.test(name));
  } catch {
    return lines;
  }
  for (const entry of entries) {
    try {
      lines.set(Number(entry), readFileSync(`/proc/${entry}/cmdline`, "latin1"));
    } catch {
      // Exited meanwhile, or not ours to read.
    }
  }
  return lines;
}

/**
 * Removes the profile folders in `tmp` that an earlier run left when it was killed outright
 * (SIGKILL leaves no time to clean up): those whose owner, named in the folder's name, has
 * exited and that no process uses any more. A live build's folder is never touched; nor is one
 * whose owner is not known (a version that did not name it), unless it is unused and a day old.
 */
export function removeStaleProfiles(tmp: string): void {
  let names: string[];
  try {
    names = readdirSync(tmp).filter((name) => name.startsWith(profilePrefix));
  } catch {
    return;
  }
  const stale = names
    .filter((name) => {
      const owner = /^(\d+)-/.exec(name.slice(profilePrefix.length))?.[1];
      if (owner) return !isRunning(Number(owner));
      try {
        return Date.now() - statSync(path.join(tmp, name)).mtimeMs > 24 * 3600_000;
      } catch {
        return false;
      }
    })
    .map((name) => path.join(tmp, name));
  if (stale.length === 0) return;
  const lines = [...commandLines().values()];
  for (const folder of stale) {
    if (!lines.some((line) => line.includes(folder))) removeProfile(folder);
  }
}

function removeProfile(profile: string): void {
  try {
    // Chromium keeps its singleton socket in a folder of its own in the temporary folder, and
    // removes it only when it exits cleanly; the profile links to it.
    const socketDir = path.dirname(readlinkSync(path.join(profile, "SingletonSocket")));
    if (path.basename(socketDir).startsWith("org.chromium.Chromium.")) {
      rmSync(socketDir, { recursive: true, force: true });
    }
  } catch {
    // No socket: the browser never got that far, or cleaned up after itself.
  }
  try {
    // A dying browser may still be writing into it for a moment.
    rmSync(profile, { recursive: true, force: true, maxRetries: 10, retryDelay: 50 });
  } catch {
    // Nothing more can be done; the folder is in the temporary folder at least.
  }
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
