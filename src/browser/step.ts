import type { Browser, Page } from "puppeteer";
import { BriefingError } from "../errors.js";

/** What a page of the browser is doing, as a failure names it. */
export type Step =
  | "opening a page"
  | "opening the deck"
  | "loading its images"
  | "laying out the slides"
  | "printing the PDF"
  | "printing the handout"
  | "drawing the slides' pictures";

/** How long a step may take when there is no `--timeout`: a minute, and more for big decks. */
export const defaultStepLimit = 60_000;

/**
 * How long a step may take: `timeout` (the user's `--timeout`, in ms) when there is one, else a
 * minute and `allowance` ms more (what a big deck needs to print).
 */
export function stepLimit(timeout: number | undefined, allowance = 0): number {
  return timeout ?? defaultStepLimit + allowance;
}

/**
 * How much longer than a step Puppeteer waits for one call of it before giving up itself: its
 * own timeout is only a backstop, and the step's, which says what was going on, comes first.
 */
export const protocolGrace = 10_000;

/** More about a step: time it needs beyond the default, and what to say it was waiting for. */
export interface StepOptions<T = unknown> {
  /** Added to the default limit (not to the user's `--timeout`): what a big deck needs. */
  allowance?: number;
  /** What the page was still waiting for when the step ran out of time. */
  detail?: () => Promise<string | undefined>;
  /** Releases what the work yields if it comes only after the step has failed (a page). */
  dispose?: (late: T) => unknown;
}

/**
 * Runs one step of a page's work within its limit (see `stepLimit`). A step that runs out of
 * time, or whose page or browser goes away, fails with a message that names it (and what it
 * was still waiting for), never with Puppeteer's own words; its page is then not fit for reuse.
 */
export async function inStep<T>(
  on: Page | Browser,
  step: Step,
  timeout: number | undefined,
  work: () => Promise<T>,
  options: StepOptions<T> = {},
): Promise<T> {
  const limit = stepLimit(timeout, options.allowance);
  const browser = "browser" in on ? on.browser() : on;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new StepTimeout()), limit);
  });
  const working = work();
  try {
    return await Promise.race([working, late]);
  } catch (error) {
    // The work carries on after its step gave up on it: what it yields then is nobody's.
    const { dispose } = options;
    if (dispose) working.then(dispose).catch(() => {});
    const waiting =
      error instanceof StepTimeout && options.detail ? await soon(options.detail()) : undefined;
    throw stepFailure(error, browser, step, limit, timeout, waiting) ?? error;
  } finally {
    clearTimeout(timer);
  }
}

/** What `question` answers within a second, if it does: a page out of time may not answer. */
async function soon(question: Promise<string | undefined>): Promise<string | undefined> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    return await Promise.race([
      question.catch(() => undefined),
      new Promise<undefined>((resolve) => {
        timer = setTimeout(() => resolve(undefined), 1000);
      }),
    ]);
  } finally {
    // Else a library caller's process waits for it after an answer came at once.
    clearTimeout(timer);
  }
}

class StepTimeout extends Error {
  override name = "TimeoutError";
}

/**
 * Says in words why a step failed when the browser is the reason: the browser quit (crashed or
 * killed), the page was closed under it, or it took longer than its limit.
 */
function stepFailure(
  error: unknown,
  browser: Browser,
  step: Step,
  limit: number,
  timeout: number | undefined,
  waiting: string | undefined,
): BriefingError | undefined {
  if (error instanceof BriefingError) return undefined;
  const name = (error as Error)?.name;
  const options = { cause: error };
  if (!browser.connected) {
    return new BriefingError(
      "environment",
      `the browser quit in the middle of ${step} (it crashed or was killed)`,
      options,
    );
  }
  if (name === "TimeoutError" || /timed out/.test((error as Error)?.message ?? "")) {
    const words =
      timeout === undefined
        ? `its ${seconds(limit)} limit (--timeout sets another)`
        : `the ${seconds(timeout)} timeout`;
    const still = waiting ? `; still waiting for ${waiting}` : "";
    return new BriefingError("environment", `${step} took longer than ${words}${still}`, options);
  }
  if (name === "TargetCloseError" || name === "ConnectionClosedError") {
    return new BriefingError(
      "environment",
      `the browser closed the page in the middle of ${step} (it crashed or ran out of memory)`,
      options,
    );
  }
  if (name === "ProtocolError") {
    return new BriefingError("environment", `the browser failed in the middle of ${step}`, options);
  }
  return undefined;
}

function seconds(ms: number): string {
  return `${ms / 1000} s`;
}
