import { constants } from "node:fs";
import { access } from "node:fs/promises";
import { availableParallelism } from "node:os";
import path from "node:path";
import type { Browser } from "puppeteer";
import { browserFailure } from "./browser/browser.js";
import type { PageLender } from "./browser/deck-page.js";
import { BrowserSession } from "./browser/session.js";
import { ambiguityWarnings } from "./compare/ambiguity-warnings.js";
import type { BriefChanges } from "./compare/changes.js";
import { compareBriefs } from "./compare/compare-briefs.js";
import { mapConcurrently } from "./concurrency.js";
import { BriefingError, blockedRequest, type Problem } from "./errors.js";
import { fileFailure, folderFailure, makeFolder } from "./export/make-folder.js";
import { hashBuildInputs, unchangedBuild, writeManifest } from "./export/manifest.js";
import {
  type EarlierOutput,
  keptOutputs,
  type OutputJob,
  type OutputKind,
  type OutputSettings,
  outputPaths,
  outputs,
  writeOutputs,
} from "./export/outputs.js";
import { removeLeftovers, replaceFolder } from "./export/replace-folder.js";
import { scaleImages, unscaledWarnings } from "./export/scale-images.js";
import { checkLayout } from "./inspect/check-layout.js";
import type { MeaningDefaults } from "./load/check-meaning.js";
import { type EarlierBrief, isGitSince, loadEarlierBrief } from "./load/earlier-brief.js";
import { distinctDecks, type LoadedBrief, loadBrief, naming } from "./load/load-brief.js";
import { pdfExtras } from "./model/pdf-info.js";
import type { NormalBrief } from "./normalize/normal-brief.js";
import { renderBrief } from "./render/render-brief.js";

/** Settings for a build, already resolved from flags, the config file and the environment. */
export interface BuildOptions extends OutputSettings {
  outDir: string;
  browserPath?: string;
  /** Briefs built at once, each in its own page of the one browser. */
  concurrency?: number;
  /** Rebuild even briefs whose inputs have not changed since their last build. */
  force?: boolean;
  /** Called as each brief is done, whatever became of it. */
  onResult?: (result: BuildResult, done: number, total: number) => void;
  /** Told things about the run as a whole, e.g. that the browser runs without its sandbox. */
  onNotice?: (message: string) => void;
  /** Lay the slides out even when no PDF is printed, so that warnings can fail the build. */
  strict?: boolean;
  /**
   * The earlier version to show what changed since: a YAML file (for one brief), or `git:REV`
   * for each brief's own file at that revision of its repository.
   */
  since?: string;
}

/** What became of one brief; the files written (or kept, when skipped) by their outputs' kinds. */
export interface BuildResult extends Partial<Record<OutputKind, string>> {
  file: string;
  name: string;
  problems: Problem[];
  /**
   * Layout problems the browser saw (slides that overflow, images, fonts), requests it refused
   * (the network, files outside the deck) and events after the as-of date: built anyway.
   */
  warnings: Problem[];
  /** Set when building a valid brief failed, e.g. the browser crashed while printing it. */
  failure?: BriefingError;
  /** True when its inputs were unchanged since the last build, which was kept. */
  skipped?: boolean;
  /** Outputs of the earlier build that this one was not asked for: removed. */
  removed?: EarlierOutput[];
  /** Outputs of an earlier build kept as they were (the PDF, with `pdf: false`): they may not match. */
  stale?: EarlierOutput[];
}

/** How many briefs to build at once by default: one per core, each printing in its own page. */
export function defaultConcurrency(): number {
  return Math.max(1, availableParallelism());
}

/**
 * Builds each brief into `outDir/<name>/`, several at once. Invalid briefs are reported in their
 * result and the rest still build; so is a brief whose build failed. Only failures that stop
 * every build (no browser, unwritable output folder) are thrown. The browser starts with the
 * first brief that needs building, and serves the whole batch.
 */
export async function build(
  files: readonly string[],
  options: BuildOptions,
): Promise<BuildResult[]> {
  // Before anything is written: a brief named "..yaml" would replace the output folder, and two
  // briefs of one name would race to replace the same deck.
  files = distinctDecks(files);
  const earlier = await earlierVersions(files, options.since, options);
  // Ended, with its profile, however the build ends; on an interrupt it kills itself.
  await using session = new BatchSession(options);
  await ensureFolder(options.outDir);
  await removeLeftovers(options.outDir);
  let done = 0;
  return await mapConcurrently(files, options.concurrency ?? defaultConcurrency(), async (file) => {
    const result = await buildOne(file, options, session, earlier);
    options.onResult?.(result, ++done, files.length);
    return result;
  });
}

/**
 * The one browser of a batch, started by the first valid brief that needs one, as soon as it is
 * known to be valid: Chromium's start-up (over a second) then runs while the deck is rendered
 * and written, and a brief with mistakes never waits for a browser.
 */
class BatchSession extends BrowserSession {
  // Also how a page it lends gets the browser (see `withPage`), so a brief that prints stops
  // the batch too when there is none.
  override browser(): Promise<Browser> {
    return super.browser().catch((error) => {
      // Without a browser no brief can print: this stops the batch, not one brief.
      throw new BatchStopped(error);
    });
  }
}

/** Wraps a failure that no brief of the batch can build without. */
class BatchStopped extends Error {
  constructor(cause: unknown) {
    super("batch stopped", { cause });
  }
}

async function buildOne(
  file: string,
  options: BuildOptions,
  session: BatchSession,
  earlierOf: EarlierVersions,
): Promise<BuildResult> {
  const { name } = naming(file);
  const target = path.join(options.outDir, name);
  const done = (result: BuildResult) => Object.assign(result, outputPaths(options, target, name));
  let earlier: EarlierBrief | undefined;
  try {
    earlier = await earlierOf(file);
  } catch (error) {
    if (!(error instanceof BriefingError)) throw error;
    return { file, name, problems: [], warnings: [], failure: error };
  }
  // Unchanged since the last build: kept, without reading the brief or starting the browser.
  const unchanged = options.force
    ? undefined
    : await unchangedBuild(file, target, options, earlier?.text);
  // --strict needs the slides' warnings: a deck built without looking at them is rebuilt.
  if (unchanged && (unchanged.looked || !options.strict)) {
    const stale = keptOutputs(unchanged.stale ?? [], target, name);
    // The warnings of the build that made it: the inputs are the same, and so are they.
    const kept = Array.isArray(unchanged.warnings) ? unchanged.warnings : [];
    const warnings = kept.map((warning) => ({ ...warning, file }));
    return done({ file, name, problems: [], warnings, skipped: true, stale });
  }
  const loaded = await loadBrief(file, options);
  const result: BuildResult = { file, name, problems: loaded.problems, warnings: [] };
  if (!loaded.brief) return result;
  const printing = outputs.some((output) => output.browser && output.wanted(options));
  if (printing) session.browser().catch(() => {});
  const changes = earlier && compareBriefs(earlier.loaded.brief, loaded.brief);
  if (earlier && changes) {
    loaded.warnings.push(...ambiguityWarnings(changes.ambiguous, loaded, earlier.loaded));
  }
  try {
    const inputs = await hashBuildInputs(file, loaded.images, options, earlier?.text);
    Object.assign(result, await writeBuild(loaded, options, session, inputs, changes));
  } catch (error) {
    if (error instanceof BatchStopped) throw error.cause;
    result.failure = buildFailure(error, await session.started());
    return result;
  }
  return done(result);
}

/** Says what went wrong building a valid brief, in words, keeping the cause. */
function buildFailure(error: unknown, browser: Browser | undefined): BriefingError {
  // A step of the browser's names itself (see `inStep`).
  if (error instanceof BriefingError) return error;
  const fromBrowser = browserFailure(error, browser);
  if (fromBrowser) return fromBrowser;
  // A file that went missing or a full disk is the machine's doing; anything else, ours.
  const code = (error as NodeJS.ErrnoException)?.code;
  if (code) {
    return new BriefingError("environment", fileFailure(error as NodeJS.ErrnoException), {
      cause: error,
    });
  }
  return new BriefingError("internal", (error as Error)?.message ?? String(error), {
    cause: error,
  });
}

/** What a build has to tell besides the files it wrote: what the browser saw amiss, earlier outputs. */
type Written = Pick<BuildResult, "warnings" | "removed" | "stale">;

/**
 * Writes the brief's outputs in place of the old ones. Returns what the browser saw amiss, and
 * what became of the earlier build's outputs that were not asked for this time.
 */
async function writeBuild(
  loaded: LoadedBrief,
  options: BuildOptions,
  pages: PageLender,
  inputs: string,
  changes: BriefChanges | undefined,
): Promise<Written> {
  const brief = loaded.brief as NormalBrief;
  const { deck, html } = renderBrief(brief, loaded.name, options, { changes });
  const target = path.join(options.outDir, loaded.name);
  let earlier: Pick<Written, "removed" | "stale"> = {};
  const blocked = new Set<string>();
  let layout: Problem[] | undefined;
  let warnings: Problem[] = [];
  const job: Omit<OutputJob, "folder" | "file"> = {
    loaded,
    brief,
    deck,
    html,
    changes,
    settings: options,
    scaled: await scaleImages(loaded, brief.written),
    extras: pdfExtras(brief, deck, html, options.sourceDateEpoch),
    limits: { timeout: options.timeout, onBlocked: (url) => blocked.add(url) },
    pages,
    laidOut: (seen) => {
      layout = seen;
    },
  };
  await replaceFolder(options.outDir, loaded.name, async (folder) => {
    earlier = await writeOutputs({ ...job, folder }, target);
    // --strict promises that no deck with layout warnings passes: look, as `check` does.
    if (!layout && options.strict) {
      layout = await checkLayout(pages, loaded, deck, html, options.theme, options.timeout);
    }
    warnings = [
      ...loaded.warnings,
      ...(layout ?? []),
      ...unscaledWarnings(job.scaled, layout ?? []),
      ...[...blocked].map((url) => blockedRequest(loaded.file, url)),
    ];
    await writeManifest(folder, {
      inputs,
      images: [...loaded.images.keys()],
      stale: earlier.stale?.map((kept) => path.basename(kept.path)),
      looked: layout !== undefined,
      warnings,
    });
  });
  return { warnings, ...earlier };
}

/** Each brief's earlier version (`since`), or undefined when the build compares with none. */
type EarlierVersions = (file: string) => Promise<EarlierBrief | undefined>;

/**
 * How each brief's earlier version is found. A file is one brief's earlier version, so it is
 * refused with several briefs, and read (and found valid) before anything is built; `git:REV`
 * is each brief's own file at that revision, read as each brief is built, and a brief that has
 * none there fails alone.
 */
async function earlierVersions(
  files: readonly string[],
  since: string | undefined,
  defaults: MeaningDefaults,
): Promise<EarlierVersions> {
  if (since === undefined) return async () => undefined;
  if (isGitSince(since)) return (file) => loadEarlierBrief(since, file, defaults);
  if (files.length > 1) {
    throw new BriefingError(
      "usage",
      `--since ${since} is one brief's earlier version, but ${files.length} briefs were given: build them one at a time, or use --since git:REV to compare each brief with its own file at a revision`,
    );
  }
  const earlier = await loadEarlierBrief(since, files[0] as string, defaults);
  return async () => earlier;
}

async function ensureFolder(dir: string): Promise<void> {
  await makeFolder(dir, "output folder");
  try {
    await access(dir, constants.W_OK);
  } catch (error) {
    throw new BriefingError(
      "environment",
      `cannot write to the output folder ${dir}: ${folderFailure(dir, error)}`,
      { cause: error },
    );
  }
}
