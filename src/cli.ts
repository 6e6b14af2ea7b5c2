import { readFileSync } from "node:fs";
import { readdir, stat } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import { BriefingError, exitCodes, formatProblem } from "./errors.js";
import { undoAll } from "./interrupt.js";
import { loadBrief } from "./load/load-brief.js";

const usage = `Usage:
  briefing build <file-or-folder>... [--out DIR] [--no-pdf] [--handout] [--single-file]
                 [--concurrency N] [--force] [--quiet] [--browser PATH]
  briefing check <file-or-folder>...

Commands:
  build   Validate each brief and write DIR/<name>/index.html (a Reveal.js deck) and
          DIR/<name>/<name>.pdf. DIR defaults to dist.
  check   Validate only; print every problem as path:line:col: message.

Build options:
  --handout            also write <name>-handout.pdf: each slide with its notes and sources
  --single-file        also write <name>.html: the whole deck in one file, to email
  -j, --concurrency N  briefs built at once (default: one per core)
  --force              rebuild briefs whose inputs have not changed since their last build
  -q, --quiet          print only problems; no progress line

A folder stands for every *.yaml and *.yml file in it.
Exit status: 0 ok, 1 invalid brief, 2 wrong usage, 3 environment (no browser, unwritable output).`;

type Out = (line: string) => void;

/** Runs the command line and returns the exit status. The only place that prints. */
export async function main(
  argv: string[],
  out: Out = console.log,
  err: Out = console.error,
): Promise<number> {
  const stop = (signal: NodeJS.Signals) => {
    undoAll();
    err(`briefing: stopped by ${signal}; earlier output is unchanged`);
    process.exit(signal === "SIGINT" ? 130 : 143);
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
  try {
    return await run(argv, out, err);
  } catch (error) {
    if (error instanceof BriefingError) {
      err(`briefing: ${error.message}`);
      if (error.kind === "usage") err(`Run "briefing --help" for usage.`);
      return exitCodes[error.kind];
    }
    err(`briefing: internal error: ${(error as Error)?.message ?? String(error)}`);
    if (process.env.BRIEFING_DEBUG) err((error as Error)?.stack ?? "");
    return exitCodes.internal;
  } finally {
    process.off("SIGINT", stop);
    process.off("SIGTERM", stop);
  }
}

async function run(argv: string[], out: Out, err: Out): Promise<number> {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(argv);
  } catch (error) {
    throw new BriefingError("usage", (error as Error).message);
  }
  const { values, positionals } = parsed;
  if (values.version) {
    out(version());
    return 0;
  }
  const [command, ...inputs] = positionals;
  if (values.help || command === "help") {
    out(usage);
    return 0;
  }
  if (command !== "build" && command !== "check") {
    throw new BriefingError("usage", command ? `unknown command "${command}"` : "no command given");
  }
  if (inputs.length === 0)
    throw new BriefingError("usage", `"briefing ${command}" needs a brief or a folder of briefs`);
  const files = await expandInputs(inputs);

  if (command === "check") {
    let invalid = 0;
    for (const file of files) {
      const loaded = await loadBrief(file);
      for (const problem of loaded.problems) out(formatProblem(problem));
      if (loaded.problems.length > 0) invalid++;
    }
    err(
      invalid === 0
        ? `${plural(files.length, "brief")} valid`
        : `${plural(invalid, "brief")} of ${files.length} invalid`,
    );
    return invalid === 0 ? 0 : exitCodes.invalid;
  }

  // Loaded only here, so that `check` does not pay for the renderer and the browser driver.
  const { build, defaultConcurrency } = await import("./build.js");
  const quiet = !!values.quiet;
  const progress = progressLine(files.length, !quiet && process.stderr.isTTY === true);
  let invalid = 0;
  let failed = 0;
  let failedStatus = 0;
  let skipped = 0;
  progress.show(0, files.length);
  await build(files, {
    outDir: values.out ?? "dist",
    pdf: !values["no-pdf"],
    handout: !!values.handout,
    singleFile: !!values["single-file"],
    browserPath: values.browser,
    concurrency: concurrency(values.concurrency) ?? defaultConcurrency(),
    force: !!values.force,
    onResult(result, done, total) {
      progress.clear();
      if (result.problems.length > 0) {
        invalid++;
        for (const problem of result.problems) err(formatProblem(problem));
        err(`${result.file}: not built; the previous output is unchanged`);
      } else if (result.failure) {
        failed++;
        failedStatus ||= exitCodes[result.failure.kind];
        err(
          `${result.file}: not built: ${result.failure.message}; the previous output is unchanged`,
        );
      } else if (result.skipped) {
        skipped++;
        if (!quiet) out(`${result.file}: unchanged since its last build (--force rebuilds)`);
      } else if (!quiet) {
        const written = [result.html, result.pdf, result.handout, result.singleFile];
        out(`${result.file} → ${written.filter(Boolean).join(", ")}`);
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
  return failedStatus;
}

/** A one-line progress report on a terminal, redrawn in place; nothing when not a terminal. */
function progressLine(total: number, enabled: boolean) {
  let shown = false;
  return {
    show(done: number, of: number) {
      if (!enabled || done >= of || total < 2) return;
      process.stderr.write(`\r\x1b[K[${done}/${of}] building…`);
      shown = true;
    },
    clear() {
      if (shown) process.stderr.write("\r\x1b[K");
      shown = false;
    },
  };
}

function concurrency(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) {
    throw new BriefingError(
      "usage",
      `--concurrency needs a whole number of at least 1, not "${value}"`,
    );
  }
  return n;
}

function parse(argv: string[]) {
  return parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      out: { type: "string", short: "o" },
      "no-pdf": { type: "boolean" },
      handout: { type: "boolean" },
      "single-file": { type: "boolean" },
      concurrency: { type: "string", short: "j" },
      force: { type: "boolean" },
      quiet: { type: "boolean", short: "q" },
      browser: { type: "string" },
      help: { type: "boolean", short: "h" },
      version: { type: "boolean", short: "v" },
    },
  });
}

/** Files as given, and every *.yaml / *.yml in each folder given, in name order. */
async function expandInputs(inputs: string[]): Promise<string[]> {
  const files: string[] = [];
  const names = new Map<string, string>();
  for (const input of inputs) {
    const info = await stat(input).catch(() => undefined);
    if (!info) throw new BriefingError("usage", `no such file or folder: ${input}`);
    let found = [input];
    if (info.isDirectory()) {
      found = (await readdir(input))
        .filter((f) => /\.ya?ml$/i.test(f) && !f.startsWith("."))
        .sort()
        .map((f) => path.join(input, f));
      if (found.length === 0)
        throw new BriefingError("usage", `no *.yaml or *.yml briefs in ${input}`);
    }
    for (const file of found) {
      const name = path.basename(file).replace(/\.ya?ml$/i, "");
      const other = names.get(name);
      if (other && path.resolve(other) !== path.resolve(file)) {
        throw new BriefingError("usage", `${other} and ${file} would both be built as "${name}"`);
      }
      if (!other) files.push(file);
      names.set(name, file);
    }
  }
  return files;
}

function version(): string {
  const pkg = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as {
    version: string;
  };
  return pkg.version;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}
