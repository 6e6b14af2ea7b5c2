import { existsSync, readFileSync, writeSync } from "node:fs";
import { readdir, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { type ParseArgsConfig, parseArgs } from "node:util";
import type { BuildResult } from "./build.js";
import { isBriefFileName, type ResolvedConfig, resolveConfig } from "./config.js";
import { BriefingError, exitCodes, formatProblem, type Problem } from "./errors.js";
import { undoAll } from "./interrupt.js";
import { didYouMean } from "./load/suggest.js";

const usage = `Usage:
  briefing build <file-or-folder>... [--out DIR] [--no-pdf] [--handout] [--single-file [--notes]]
                 [--concurrency N] [--force] [--quiet] [--strict] [--browser PATH] [--config FILE]
                 [--timeout SECONDS]
  briefing check <file-or-folder>... [--strict] [--no-browser] [--format text|json]
                 [--timeout SECONDS]
  briefing serve [file-or-folder] [--port N] [--host H] [--browser PATH]
  briefing new <name>
  briefing schema [--out FILE]

Commands:
  build   Validate each brief and write DIR/<name>/index.html (a Reveal.js deck) and
          DIR/<name>/<name>.pdf. DIR defaults to dist. Slides that overflow, images that do not
          load and text no installed font can draw are printed as warnings.
  check   Validate, then lay every slide out in the browser; print every problem as
          path:line:col: message (layout problems as "warning:"). --strict fails on warnings
          too; --no-browser only validates (fast, for editors); --format json for tools.
  serve   Show the deck(s) on http://127.0.0.1:8000 and reload them on every save.
          --host other than 127.0.0.1 exposes your briefs to the network.
  new     Write briefings/<name>.yaml, a brief to start from that already builds.
  schema  Print (or write to FILE) the JSON Schema of the brief format, for editors.

Build options:
  --handout            also write <name>-handout.pdf: each slide with its notes and sources
  --single-file        also write <name>.html: the whole deck in one file, to email
  --notes              keep the speaker notes in that file (left out by default)
  --timeout SECONDS    give up on a brief when one step in the browser (opening the deck,
                       loading its images, laying out, printing) takes longer than this
                       (also BRIEFING_TIMEOUT; by default a minute a step, more for big
                       decks; at most 86400, a day)
  -j, --concurrency N  briefs built at once (default: one per core)
  --force              rebuild briefs whose inputs have not changed since their last build
  -q, --quiet          print only problems; no progress line
  --strict             exit 1 when a slide has layout warnings (the outputs are still written)

A folder stands for every *.yaml and *.yml file in it. Settings come from the flags, then from
briefing.config.yaml (or .yml / .json) beside the briefs or above them, then the defaults.
Exit status: 0 ok, 1 invalid brief (or --strict warnings), 2 wrong usage, 3 environment (no
browser, unwritable output, a brief that could not be printed), 4 a fault of briefing itself.`;

function ignoreClosedPipe(error: NodeJS.ErrnoException): void {
  if (error.code !== "EPIPE") throw error;
}

type Out = (line: string) => void;

// Lines go straight to the file descriptor: Node's stdout and stderr streams cost a few
// milliseconds to make (a build of one brief writes one line), and on Linux they write
// synchronously anyway, as this does. A descriptor that cannot take a line whole at once (a
// non-blocking pipe that is full) is handed to its stream from then on, and so are all of them
// on Windows, where the streams do more than write.
//
// A reader that goes away (`briefing build … | head`) must not stop a build halfway and leave
// its temporary files behind: what was left to print is dropped and the build goes on.
const streams = new Map<1 | 2, NodeJS.WriteStream>();
function write(fd: 1 | 2, text: string): void {
  const stream = streams.get(fd);
  if (stream) {
    stream.write(text);
    return;
  }
  const bytes = Buffer.from(text);
  let done = 0;
  if (process.platform !== "win32") {
    try {
      while (done < bytes.length) done += writeSync(fd, bytes, done);
      return;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === "EPIPE") return;
      if (code !== "EAGAIN") throw error;
    }
  }
  const made = fd === 1 ? process.stdout : process.stderr;
  made.on("error", ignoreClosedPipe);
  streams.set(fd, made);
  made.write(bytes.subarray(done));
}
/** Resolves once every line handed to a stream (see `write`) has been written out. */
export function flushed(): Promise<void> {
  const pending = [...streams.values()].map(
    (stream) => new Promise<void>((resolve) => stream.write("", () => resolve())),
  );
  return Promise.all(pending).then(() => undefined);
}

const printLine: Out = (line) => write(1, `${line}\n`);
const printError: Out = (line) => write(2, `${line}\n`);

/** Set while a command (serve) stops on Ctrl-C by itself rather than by exiting. */
let onStop: (() => void) | undefined;

/** Runs the command line and returns the exit status. The only place that prints. */
export async function main(
  argv: string[],
  out: Out = printLine,
  err: Out = printError,
): Promise<number> {
  const stop = (signal: NodeJS.Signals) => {
    if (onStop) return onStop();
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
  const { values, positionals } = parse(argv);
  if (values.version) {
    out(version());
    return 0;
  }
  const [command, ...inputs] = positionals;
  if (values.help || command === "help") {
    out(usage);
    return 0;
  }
  if (command === "schema") return schemaCommand(values.out, out);
  if (command === "new") return newCommand(inputs, out);
  if (command === "serve") return serveCommand(inputs, values, out, err);
  if (command !== "build" && command !== "check") {
    throw new BriefingError("usage", command ? `unknown command "${command}"` : "no command given");
  }
  if (inputs.length === 0)
    throw new BriefingError("usage", `"briefing ${command}" needs a brief or a folder of briefs`);
  const files = await expandInputs(inputs);
  const timeout = seconds(values.timeout, process.env.BRIEFING_TIMEOUT);
  let noticed = false;
  const onNotice = (message: string) => {
    if (!noticed) err(`briefing: ${message}`);
    noticed = true;
  };
  const config = await resolveConfig(
    { out: values.out, browser: values.browser, config: values.config },
    inputs,
  );

  if (command === "check") {
    return checkCommand(files, config, values, { timeout, onNotice }, out, err);
  }

  // Loaded only here, so that `check --no-browser` does not pay for the browser driver.
  const { build, defaultConcurrency } = await import("./build.js");
  const quiet = !!values.quiet;
  const progress = progressLine(files.length, !quiet && files.length > 1 && process.stderr.isTTY);
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
    notes: !!values.notes,
    timeout,
    onNotice,
    browserPath: config.browserPath,
    classification: config.classification,
    theme: config.theme,
    concurrency: concurrency(values.concurrency) ?? defaultConcurrency(),
    force: !!values.force,
    strict: !!values.strict,
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
        // Its warnings are those of the build that made it, said again as a rebuild would.
        if (result.warnings.length > 0) warned++;
        for (const warning of result.warnings) err(formatWarning(warning));
        const line = [`${result.file}: unchanged since its last build (--force rebuilds)`];
        if (!quiet) out([...line, ...earlierOutputs(result)].join("; "));
      } else {
        if (result.warnings.length > 0) warned++;
        for (const warning of result.warnings) err(formatWarning(warning));
        const written = [result.html, result.pdf, result.handout, result.singleFile];
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
    err(
      `${plural(warned, "brief")} with layout warnings (--strict: failed; the outputs are written)`,
    );
    return exitCodes.invalid;
  }
  return failedStatus;
}

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

/** The longest `--timeout`: a day, far below where Node's timers overflow and fire at once. */
const maxTimeout = 24 * 60 * 60;

/** `--timeout SECONDS` (or `BRIEFING_TIMEOUT`, empty when unset) in milliseconds. */
function seconds(flag: string | undefined, env: string | undefined): number | undefined {
  const [value, name] = flag !== undefined ? [flag, "--timeout"] : [env, "BRIEFING_TIMEOUT"];
  if (value === undefined || (value === "" && flag === undefined)) return undefined;
  const n = value.trim() === "" ? Number.NaN : Number(value);
  if (!Number.isFinite(n) || n <= 0 || n > maxTimeout) {
    throw new BriefingError(
      "usage",
      `${name} needs a number of seconds above 0 and at most ${maxTimeout} (a day), not "${value}"`,
    );
  }
  return n * 1000;
}

async function checkCommand(
  files: string[],
  config: ResolvedConfig,
  values: Values,
  run: { timeout?: number; onNotice: (message: string) => void },
  out: Out,
  err: Out,
): Promise<number> {
  const format = values.format ?? "text";
  if (format !== "text" && format !== "json") {
    throw new BriefingError("usage", `--format is text or json, not "${format}"`);
  }
  const strict = values.strict === true;
  // Loaded only here: validating alone must stay quick for editors that check on every save.
  const { check } = await import("./check.js");
  const report = await check(files, {
    layout: !values["no-browser"],
    requireBrowser: strict,
    browserPath: config.browserPath,
    look: config,
    ...run,
  });
  const invalid = report.results.filter((r) => r.problems.length > 0).length;
  const warned = report.results.filter((r) => r.warnings.length > 0).length;
  const failed = invalid > 0 || (strict && warned > 0);
  if (format === "json") {
    const entry = (severity: "error" | "warning") => (p: Problem) => ({
      file: p.file,
      line: p.pos.line,
      col: p.pos.col,
      severity,
      code: p.code,
      message: p.message,
      path: p.path,
    });
    const problems = report.results.flatMap((r) => [
      ...r.problems.map(entry("error")),
      ...r.warnings.map(entry("warning")),
    ]);
    out(
      JSON.stringify(
        { ok: !failed, layoutChecked: !values["no-browser"] && !report.layoutSkipped, problems },
        null,
        2,
      ),
    );
  } else {
    for (const result of report.results) {
      for (const problem of result.problems) out(formatProblem(problem));
      for (const warning of result.warnings) out(formatWarning(warning));
    }
  }
  if (report.layoutSkipped) err(`briefing: slides not laid out (${report.layoutSkipped})`);
  const total = files.length;
  err(
    invalid > 0
      ? `${plural(invalid, "brief")} of ${total} invalid`
      : warned > 0
        ? `${plural(total, "brief")} valid; ${plural(warned, "brief")} with layout warnings${strict ? " (--strict: failed)" : ""}`
        : `${plural(total, "brief")} valid`,
  );
  return failed ? exitCodes.invalid : 0;
}

async function serveCommand(inputs: string[], values: Values, out: Out, err: Out) {
  if (inputs.length > 1)
    throw new BriefingError("usage", `"briefing serve" takes one brief or folder`);
  const input = inputs[0] ?? (existsSync("briefings") ? "briefings" : ".");
  const port = values.port === undefined ? 8000 : Number(values.port);
  if (values.port !== undefined && (!/^\d+$/.test(values.port) || port > 65535)) {
    throw new BriefingError(
      "usage",
      `--port needs a port number from 0 to 65535, not "${values.port}"`,
    );
  }
  const host = values.host ?? "127.0.0.1";
  // Node would take an empty host for every interface: exactly what --host must never do unasked.
  if (host.trim() === "" || /\s/.test(host)) {
    throw new BriefingError(
      "usage",
      `--host needs a host name or an IP address to listen on, not "${host}"`,
    );
  }
  const { startServer } = await import("./serve/server.js");
  const { isLoopback } = await import("./serve/guard.js");
  if (!isLoopback(host)) {
    err(
      `briefing: warning: serving on ${host}: anyone who can reach this machine on port ${port} can read these briefs`,
    );
  }
  const config = await resolveConfig({ browser: values.browser, config: values.config }, [input]);
  const server = await startServer({
    input,
    port,
    host,
    look: config,
    browserPath: config.browserPath,
    onRefresh: ({ file, problems, ms }) => {
      if (problems.length === 0) err(`${file}: updated (${Math.round(ms)} ms)`);
      for (const line of problems) err(line);
    },
  });
  out(`Serving ${input} at ${server.url} (Ctrl-C to stop)`);
  await new Promise<void>((resolve) => {
    onStop = resolve;
  });
  onStop = undefined;
  await server.close();
  err("briefing: stopped");
  return 0;
}

async function newCommand(inputs: string[], out: Out): Promise<number> {
  const [name, ...rest] = inputs;
  if (!name || rest.length > 0) throw new BriefingError("usage", `"briefing new" needs one name`);
  const { newBrief } = await import("./new-brief.js");
  const file = await newBrief(name, "briefings", new Date());
  out(`${file} written; preview it with: briefing serve ${file}`);
  return 0;
}

async function schemaCommand(file: string | undefined, out: Out): Promise<number> {
  const { briefJsonSchemaText } = await import("./load/json-schema.js");
  const text = briefJsonSchemaText();
  if (!file) {
    out(text.trimEnd());
    return 0;
  }
  try {
    await writeFile(file, text);
  } catch (error) {
    throw new BriefingError("environment", `cannot write ${file}: ${(error as Error).message}`, {
      cause: error,
    });
  }
  out(`${file} written`);
  return 0;
}

/** What became of an earlier build's outputs that this build was not asked for. */
function earlierOutputs(result: BuildResult): string[] {
  const flags = { pdf: "--no-pdf", handout: "--handout", singleFile: "--single-file" };
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

/** A layout problem in the form compilers use for warnings, which editors also pick up. */
function formatWarning(problem: Problem): string {
  return `${problem.file}:${problem.pos.line}:${problem.pos.col}: warning: ${problem.message}`;
}

type OptionConfigs = NonNullable<ParseArgsConfig["options"]>;

/** Every option of every command: a new option is one line here. */
const options = {
  out: { type: "string", short: "o" },
  "no-pdf": { type: "boolean" },
  handout: { type: "boolean" },
  "single-file": { type: "boolean" },
  notes: { type: "boolean" },
  timeout: { type: "string" },
  concurrency: { type: "string", short: "j" },
  force: { type: "boolean" },
  quiet: { type: "boolean", short: "q" },
  browser: { type: "string" },
  config: { type: "string" },
  strict: { type: "boolean" },
  "no-browser": { type: "boolean" },
  format: { type: "string" },
  port: { type: "string", short: "p" },
  host: { type: "string" },
  help: { type: "boolean", short: "h" },
  version: { type: "boolean", short: "v" },
} as const satisfies OptionConfigs;

type Values = {
  -readonly [K in keyof typeof options]?: (typeof options)[K]["type"] extends "string"
    ? string
    : boolean;
};

/**
 * The arguments as options and positionals. parseArgs runs leniently and each option is judged
 * here, so that every mistake gets this tool's own words, and so that a value that starts with
 * a dash (`-j -1`) reaches the check of its option instead of being called ambiguous.
 */
function parse(argv: string[]): { values: Values; positionals: string[] } {
  const { values, positionals, tokens } = parseArgs({
    args: argv,
    options,
    allowPositionals: true,
    strict: false,
    tokens: true,
  });
  for (const token of tokens) if (token.kind === "option") checkOption(token);
  return { values: values as Values, positionals };
}

type OptionToken = Extract<
  NonNullable<ReturnType<typeof parseArgs>["tokens"]>[number],
  { kind: "option" }
>;

function checkOption(token: OptionToken): void {
  const option = (options as OptionConfigs)[token.name];
  const named = token.rawName;
  if (!option) {
    const known = Object.keys(options).map((name) => `--${name}`);
    const hint = named.startsWith("--") ? didYouMean(named, known) : "";
    throw new BriefingError("usage", `unknown option ${named}${hint}`);
  }
  if (option.type === "boolean" && token.value !== undefined) {
    throw new BriefingError("usage", `${named} takes no value`);
  }
  // Lenient parsing takes the next argument as the value even when it is another option.
  const looksLikeOption = !token.inlineValue && /^-[^\d.]/.test(token.value ?? "");
  if (option.type === "string" && (token.value === undefined || looksLikeOption)) {
    throw new BriefingError("usage", `${named} needs a value`);
  }
}

/** Files as given, and every *.yaml / *.yml in each folder given, in name order. */
async function expandInputs(inputs: string[]): Promise<string[]> {
  const files: string[] = [];
  for (const input of inputs) {
    const info = await stat(input).catch(() => undefined);
    if (!info) throw new BriefingError("usage", `no such file or folder: ${input}`);
    let found = [input];
    if (info.isDirectory()) {
      found = (await readdir(input))
        .filter(isBriefFileName)
        .sort()
        .map((f) => path.join(input, f));
      if (found.length === 0)
        throw new BriefingError("usage", `no *.yaml or *.yml briefs in ${input}`);
    }
    files.push(...found);
  }
  const { distinctDecks } = await import("./load/load-brief.js");
  return distinctDecks(files);
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
