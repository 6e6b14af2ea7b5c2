import { constants } from "node:fs";
import { access, copyFile, writeFile } from "node:fs/promises";
import { availableParallelism } from "node:os";
import path from "node:path";
import type { Browser } from "puppeteer";
import { browserFailure } from "./browser/browser.js";
import { BrowserSession } from "./browser/session.js";
import { mapConcurrently } from "./concurrency.js";
import { BriefingError, blockedRequest, type Problem } from "./errors.js";
import { writeDeckFiles } from "./export/deck-files.js";
import { fallbackSources } from "./export/fallback-font.js";
import { printHandout } from "./export/handout.js";
import { fileFailure, folderFailure, makeFolder } from "./export/make-folder.js";
import {
  filesIntact,
  hashInputs,
  type Manifest,
  readManifest,
  recordFiles,
  writeManifest,
} from "./export/manifest.js";
import { type PdfExtras, type PrintOptions, printAndLook } from "./export/pdf.js";
import { removeLeftovers, replaceFolder } from "./export/replace-folder.js";
import { imageScaling, scaleImages, unscaledWarnings } from "./export/scale-images.js";
import { singleFileHtml } from "./export/single-file.js";
import { inside } from "./inside-folder.js";
import { checkLayout } from "./inspect/check-layout.js";
import { findSlideProblems } from "./inspect/in-page.js";
import { layoutProblems } from "./inspect/layout-problems.js";
import type { LabelOverrides } from "./labels/labels.js";
import { distinctDecks, type LoadedBrief, loadBrief, naming } from "./load/load-brief.js";
import type { Brief } from "./load/schema.js";
import type { Deck } from "./model/deck.js";
import { deckOutline } from "./model/outline.js";
import { renderBrief } from "./render/render-brief.js";
import { customThemePath } from "./render/render-deck.js";
import { parseDate, startOf } from "./timeline/date.js";

/** Settings for a build, already resolved from flags and defaults. */
export interface BuildOptions {
  outDir: string;
  pdf: boolean;
  /** Also write `<name>-handout.pdf`: each slide with its notes and sources, on portrait pages. */
  handout?: boolean;
  /** Also write `<name>.html`: the whole deck in one file. */
  singleFile?: boolean;
  browserPath?: string;
  /** Briefs built at once, each in its own page of the one browser. */
  concurrency?: number;
  /** Rebuild even briefs whose inputs have not changed since their last build. */
  force?: boolean;
  /** Called as each brief is done, whatever became of it. */
  onResult?: (result: BuildResult, done: number, total: number) => void;
  /** The banner for briefs that have no classification of their own. */
  classification?: string;
  /** The tool's words for every brief, over the catalogue's (the config file's `labels`). */
  labels?: LabelOverrides;
  /** A CSS file laid over the built-in theme. */
  theme?: string;
  /** Each page the browser opens for a brief must be done within this many milliseconds. */
  timeout?: number;
  /** The one-file deck keeps the speaker notes (they are left out by default). */
  notes?: boolean;
  /** Told things about the run as a whole, e.g. that the browser runs without its sandbox. */
  onNotice?: (message: string) => void;
  /** Lay the slides out even when no PDF is printed, so that warnings can fail the build. */
  strict?: boolean;
}

/** What became of one brief. */
export interface BuildResult {
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
  /** The files written (or kept, when skipped). */
  html?: string;
  pdf?: string;
  handout?: string;
  singleFile?: string;
  /** Outputs of the earlier build that this one was not asked for: removed. */
  removed?: EarlierOutput[];
  /** Outputs of an earlier build kept as they were (the PDF, with `pdf: false`): they may not match. */
  stale?: EarlierOutput[];
}

/** An output of an earlier build, by what it is and where it is (or was). */
export interface EarlierOutput {
  output: "pdf" | "handout" | "singleFile";
  path: string;
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
  const browser = new BatchBrowser(options);
  // The browser kills itself and removes its profile on an interrupt: see `launchBrowser`.
  try {
    await ensureFolder(options.outDir);
    await removeLeftovers(options.outDir);
    let done = 0;
    return await mapConcurrently(
      files,
      options.concurrency ?? defaultConcurrency(),
      async (file) => {
        const result = await buildOne(file, options, browser);
        options.onResult?.(result, ++done, files.length);
        return result;
      },
    );
  } finally {
    await browser.close();
  }
}

/**
 * The one browser of a batch, started by the first valid brief that needs one, as soon as it is
 * known to be valid: Chromium's start-up (over a second) then runs while the deck is rendered
 * and written, and a brief with mistakes never waits for a browser.
 */
class BatchBrowser extends BrowserSession {
  /** The browser, started now if it is not already starting. */
  get(): Promise<Browser> {
    return this.browser().catch((error) => {
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
  browser: BatchBrowser,
): Promise<BuildResult> {
  const { name } = naming(file);
  const target = path.join(options.outDir, name);
  const settings = buildSettings(options);
  const done = (result: BuildResult): BuildResult => {
    const names = outputNames(name);
    result.html = path.join(target, "index.html");
    if (options.pdf) result.pdf = path.join(target, names.pdf);
    if (options.handout) result.handout = path.join(target, names.handout);
    if (options.singleFile) result.singleFile = path.join(target, names.singleFile);
    return result;
  };
  // Unchanged since the last build: kept, without reading the brief or starting the browser.
  const unchanged = options.force
    ? undefined
    : await unchangedBuild(file, target, settings, options.theme);
  // --strict needs the slides' warnings: a deck built without looking at them is rebuilt.
  if (unchanged && (unchanged.looked || !options.strict)) {
    const stale = (unchanged.stale ?? []).map((kept) => ({
      output: "pdf" as const,
      path: path.join(target, kept),
    }));
    // The warnings of the build that made it: the inputs are the same, and so are they.
    const kept = Array.isArray(unchanged.warnings) ? unchanged.warnings : [];
    const warnings = kept.map((warning) => ({ ...warning, file }));
    return done({ file, name, problems: [], warnings, skipped: true, stale });
  }
  const loaded = await loadBrief(file);
  const result: BuildResult = { file, name, problems: loaded.problems, warnings: [] };
  if (!loaded.brief) return result;
  if (options.pdf || options.handout) browser.get().catch(() => {});
  try {
    const inputs = await hashInputs(file, inputFiles(loaded.images, options.theme), settings);
    Object.assign(result, await writeBuild(loaded, options, () => browser.get(), inputs));
  } catch (error) {
    if (error instanceof BatchStopped) throw error.cause;
    result.failure = buildFailure(error, await browser.started());
    return result;
  }
  return done(result);
}

/** The options that change what a build writes: part of what decides whether to rebuild. */
function buildSettings(options: BuildOptions): object {
  return {
    pdf: options.pdf,
    handout: !!options.handout,
    singleFile: !!options.singleFile,
    notes: !!options.notes,
    classification: options.classification ?? "",
    labels: options.labels ?? {},
    epoch: process.env.SOURCE_DATE_EPOCH ?? "",
    fonts: fallbackSources(),
    images: imageScaling(),
  };
}

/** The files a build reads besides the brief: its images and the project's theme. */
function inputFiles(images: Map<string, string>, theme?: string): Map<string, string> {
  const files = new Map(images);
  if (theme) files.set("\0theme", theme);
  return files;
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

/** The file names of a deck's outputs beside its index.html. */
export function outputNames(name: string) {
  return { pdf: `${name}.pdf`, handout: `${name}-handout.pdf`, singleFile: `${name}.html` };
}

/**
 * The manifest of an earlier build in `target` from the same inputs (the same brief, images as
 * its manifest lists them, theme and settings), when every file it wrote is still as written.
 */
async function unchangedBuild(
  file: string,
  target: string,
  settings: object,
  theme?: string,
): Promise<Manifest | undefined> {
  const manifest = await readManifest(target);
  if (!manifest?.images) return undefined;
  const { dir } = naming(file);
  const images = new Map(manifest.images.map((ref) => [ref, path.resolve(dir, ref)]));
  // A manifest names only files beside the brief; one that says otherwise was not ours.
  if ([...images.values()].some((image) => !inside(path.resolve(dir), image))) {
    return undefined;
  }
  try {
    if ((await hashInputs(file, inputFiles(images, theme), settings)) !== manifest.inputs) {
      return undefined;
    }
  } catch {
    // An input is gone: the build will say which.
    return undefined;
  }
  return filesIntact(target, manifest.files) ? manifest : undefined;
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
  browser: () => Promise<Browser>,
  inputs: string,
): Promise<Written> {
  const brief = loaded.brief as Brief;
  const { deck, html } = renderBrief(brief, loaded.name, options);
  const target = path.join(options.outDir, loaded.name);
  const names = outputNames(loaded.name);
  const removed: EarlierOutput[] = [];
  const stale: EarlierOutput[] = [];
  const earlier = (output: EarlierOutput["output"]) => ({
    output,
    path: path.join(target, names[output]),
  });
  const exists = (file: string) =>
    access(file).then(
      () => true,
      () => false,
    );
  const extras = pdfExtras(brief, deck, html);
  let warnings: Problem[] = [];
  const blocked = new Set<string>();
  const limits: PrintOptions = { timeout: options.timeout, onBlocked: (url) => blocked.add(url) };
  // The deck's folder carries the scaled copies too: they are what the PDF, the handout and the
  // single file are made from, and a deck folder shared as it is must not leak a GPS position.
  const scaled = await scaleImages(loaded, brief);
  await replaceFolder(options.outDir, loaded.name, async (tmp) => {
    await writeDeckFiles(tmp, html, loaded.images, options.theme, scaled.bytes);
    if (options.pdf) {
      // The pages are laid out for the PDF anyway: look at the slides there the way `check`
      // does, as they are printed.
      const { pdf, seen } = await printAndLook(
        await browser(),
        { deck, folder: tmp, customTheme: !!options.theme },
        extras,
        limits,
        (page) => page.evaluate(findSlideProblems),
      );
      warnings = layoutProblems(seen, deck, loaded);
      await writeFile(path.join(tmp, names.pdf), pdf);
    } else {
      // An HTML-only build leaves the PDF of an earlier build where it was, and says so.
      const kept = await copyFile(path.join(target, names.pdf), path.join(tmp, names.pdf)).then(
        () => true,
        () => false,
      );
      if (kept) stale.push(earlier("pdf"));
      // --strict promises that no deck with layout warnings passes: look, as `check` does.
      if (options.strict) {
        warnings = await checkLayout(
          await browser(),
          loaded,
          deck,
          html,
          options.theme,
          options.timeout,
        );
      }
    }
    if (options.handout) {
      const customTheme = options.theme ? customThemePath : undefined;
      const bytes = await printHandout(await browser(), deck, tmp, extras, customTheme, limits);
      await writeFile(path.join(tmp, names.handout), bytes);
    } else if (await exists(path.join(target, names.handout))) removed.push(earlier("handout"));
    if (options.singleFile) {
      // Emailed to others: the presenter's notes stay out unless asked for.
      const shared = options.notes
        ? html
        : renderBrief(brief, loaded.name, options, { notes: false }).html;
      await writeFile(path.join(tmp, names.singleFile), await singleFileHtml(shared, tmp));
    } else if (await exists(path.join(target, names.singleFile))) {
      removed.push(earlier("singleFile"));
    }
    warnings = [
      ...loaded.warnings,
      ...warnings,
      ...unscaledWarnings(scaled, warnings),
      ...[...blocked].map((url) => blockedRequest(loaded.file, url)),
    ];
    await writeManifest(tmp, {
      inputs,
      files: await recordFiles(tmp),
      images: [...loaded.images.keys()],
      ...(stale.length > 0 ? { stale: [names.pdf] } : {}),
      looked: options.pdf || !!options.strict,
      warnings: warnings.map(({ file: _file, ...warning }) => warning),
    });
  });
  return { warnings, removed, stale };
}

/** The metadata, bookmarks and identity of a brief's PDFs (the deck's and the handout's). */
export function pdfExtras(brief: Brief, deck: Deck, html: string): PdfExtras {
  const date = parseDate(brief.date);
  const epoch = Number(process.env.SOURCE_DATE_EPOCH);
  const metadata = {
    title: brief.title,
    author: brief.author,
    subject: brief.subtitle,
    keywords: Object.values(brief.timeline.categories ?? {}).map((c) => c.label),
    date:
      Number.isFinite(epoch) && epoch > 0
        ? new Date(epoch * 1000)
        : new Date("error" in date ? 0 : startOf(date)),
  };
  return { metadata, outline: deckOutline(deck), fingerprint: JSON.stringify({ html, metadata }) };
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
