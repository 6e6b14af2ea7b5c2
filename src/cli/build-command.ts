import type { BuildResult } from "../build.js";
import { exitCodes, formatProblem } from "../errors.js";
import { defineCommand, helpOption } from "./command.js";
import {
  browserOption,
  configOption,
  exitStatus,
  foldersAndSettings,
  timeoutOption,
} from "./common-options.js";
import { briefRun } from "./inputs.js";
import { concurrency } from "./option-values.js";
import { plural, write } from "./output.js";

export const buildCommand = defineCommand({
  name: "build",
  args: "<file-or-folder>...",
  summary: "write each brief's deck (DIR/<name>/index.html) and PDF",
  description: `Validate each brief and write DIR/<name>/index.html (a Reveal.js deck) and
DIR/<name>/<name>.pdf. Slides that overflow, images that do not load, text no installed font can
draw and events dated after the brief's as-of date are printed as warnings. A brief whose inputs
have not changed since its last build is left as it is.

${foldersAndSettings}
${exitStatus}`,
  options: {
    out: {
      type: "string",
      short: "o",
      value: "DIR",
      help: "write the decks under DIR (default: dist)",
    },
    "no-pdf": {
      type: "boolean",
      help: "write the deck only, no PDF (an earlier PDF is kept, and the output line\nsays it may not match)",
    },
    handout: {
      type: "boolean",
      help: "also write <name>-handout.pdf: each slide with its notes and sources",
    },
    "single-file": {
      type: "boolean",
      help: "also write <name>.html: the whole deck in one file, to email",
    },
    notes: { type: "boolean", help: "keep the speaker notes in that file (left out by default)" },
    pptx: {
      type: "boolean",
      help: "also write <name>.pptx: the deck as editable PowerPoint slides",
    },
    png: {
      type: "boolean",
      help: "also write <name>/slides/01.png …: each page of the PDF, 1920 × 1080",
    },
    timeout: timeoutOption,
    concurrency: {
      type: "string",
      short: "j",
      value: "N",
      help: "briefs built at once (default: one per core)",
    },
    force: {
      type: "boolean",
      help: "rebuild briefs whose inputs have not changed since their last build",
    },
    since: {
      type: "string",
      value: "OLD",
      help: "add a slide of what changed since OLD, an earlier version of the brief:\na YAML file, or git:REV for each brief's own file at that git revision",
    },
    quiet: { type: "boolean", short: "q", help: "print only problems; no progress line" },
    strict: {
      type: "boolean",
      help: "exit 1 when a brief has warnings (the outputs are still written)",
    },
    browser: browserOption,
    config: configOption,
    help: helpOption,
  },
  async run(inputs, values, { out, err }) {
    const { files, config } = await briefRun("build", inputs, values);
    // Loaded only here, so that `check --no-browser` does not pay for the browser driver.
    const { build, defaultConcurrency } = await import("../build.js");
    const quiet = !!values.quiet;
    const progress = progressLine(files.length, !quiet && files.length > 1 && process.stderr.isTTY);
    let noticed = false;
    // Said once, on a line of its own rather than after the progress line; --quiet keeps it.
    const onNotice = (message: string) => {
      if (noticed || quiet) return;
      noticed = true;
      progress.clear();
      err(`briefing: ${message}`);
    };
    let invalid = 0;
    let failed = 0;
    let failedStatus = 0;
    let skipped = 0;
    let warned = 0;
    progress.show(0, files.length);
    await build(files, {
      outDir: config.outDir,
      pdf: !values["no-pdf"],
      handout: !!values.handout,
      singleFile: !!values["single-file"],
      png: config.png,
      notes: !!values.notes,
      pptx: !!values.pptx || !!config.pptx,
      timeout: config.stepTimeout,
      onNotice,
      browserPath: config.browserPath,
      classification: config.classification,
      sourceDateEpoch: config.sourceDateEpoch,
      labels: config.labels,
      markings: config.markings,
      yardstick: config.yardstick,
      theme: config.theme,
      concurrency: concurrency(values.concurrency) ?? defaultConcurrency(),
      force: !!values.force,
      strict: !!values.strict,
      since: config.since,
      onResult(result, done, total) {
        progress.clear();
        if (result.problems.length > 0) {
          invalid++;
          for (const problem of result.problems) err(formatProblem(problem));
          err(`${result.file}: not built; the previous output is unchanged`);
        } else if (result.failure) {
          failed++;
          failedStatus ||= exitCodes[result.failure.kind];
          // An earlier version's mistakes (--since), each at its line as `check` prints them,
          // and then what they stopped.
          const { message, problems } = result.failure;
          for (const problem of problems) err(formatProblem(problem));
          const said = problems.length > 0 ? message.split("\n")[0] : message;
          err(`${result.file}: not built: ${said}; the previous output is unchanged`);
        } else if (result.skipped) {
          skipped++;
          // Its warnings are those of the build that made it, said again as a rebuild would.
          if (result.warnings.length > 0) warned++;
          for (const warning of result.warnings) err(formatProblem(warning));
          const line = [`${result.file}: unchanged since its last build (--force rebuilds)`];
          if (!quiet) out([...line, ...earlierOutputs(result)].join("; "));
        } else {
          if (result.warnings.length > 0) warned++;
          for (const warning of result.warnings) err(formatProblem(warning));
          const written = [
            result.html,
            result.pdf,
            result.handout,
            result.singleFile,
            result.pptx,
            result.png,
          ];
          const line = [`${result.file} → ${written.filter(Boolean).join(", ")}`];
          const earlier = earlierOutputs(result);
          if (!quiet) out([...line, ...earlier].join("; "));
          // Even a quiet build never removes an output, or keeps a stale one, without a word.
          else if (earlier.length > 0) err(`${result.file}: ${earlier.join("; ")}`);
        }
        progress.show(done, total);
      },
    });
    progress.clear();
    if (files.length > 1 && !quiet) {
      const built = files.length - invalid - failed - skipped;
      err(
        `${plural(built, "brief")} built, ${skipped} unchanged, ${invalid} invalid, ${failed} failed`,
      );
    }
    if (invalid > 0) return exitCodes.invalid;
    if (failedStatus === 0 && values.strict && warned > 0) {
      err(`${plural(warned, "brief")} with warnings (--strict: failed; the outputs are written)`);
      return exitCodes.invalid;
    }
    return failedStatus;
  },
});

/** A one-line progress report on a terminal, redrawn in place; nothing when not a terminal. */
function progressLine(total: number, enabled: boolean) {
  let shown = false;
  return {
    show(done: number, of: number) {
      if (!enabled || done >= of || total < 2) return;
      write(2, `\r\x1b[K[${done}/${of}] building…`);
      shown = true;
    },
    clear() {
      if (shown) write(2, "\r\x1b[K");
      shown = false;
    },
  };
}

/** What became of an earlier build's outputs that this build was not asked for. */
function earlierOutputs(result: BuildResult): string[] {
  const flags = {
    pdf: "--no-pdf",
    handout: "--handout",
    singleFile: "--single-file",
    pptx: "--pptx",
    png: "--png",
  };
  return [
    ...(result.stale ?? []).map(
      (kept) =>
        `kept ${kept.path} from an earlier build (${flags[kept.output]}): it may not match the deck`,
    ),
    ...(result.removed ?? []).map(
      (gone) => `removed ${gone.path} (not asked for: ${flags[gone.output]} keeps it)`,
    ),
  ];
}
