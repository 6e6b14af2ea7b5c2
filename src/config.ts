import { existsSync } from "node:fs";
import { readFile, stat } from "node:fs/promises";
import path from "node:path";
import type { UserConfig } from "./config-schema.js";
import { BriefingError, formatProblem } from "./errors.js";
import type { LabelOverrides } from "./labels/labels.js";
import { readYaml } from "./load/read-yaml.js";
import type { YardstickName } from "./load/yardsticks.js";
import type { OwnMarkings } from "./model/marking.js";

export type { UserConfig } from "./config-schema.js";

/** The names a config file may have; the first found, looking up from the briefs, is used. */
export const configNames = ["briefing.config.yaml", "briefing.config.yml", "briefing.config.json"];

/**
 * True for a file that a folder of briefs counts as a brief: YAML, not hidden, and not the
 * config file that sits beside the briefs.
 */
export function isBriefFileName(name: string): boolean {
  return (
    /\.ya?ml$/i.test(name) && !name.startsWith(".") && !configNames.includes(name.toLowerCase())
  );
}

/** Settings from the command line; each wins over the config file. */
export interface ConfigFlags {
  out?: string;
  browser?: string;
  config?: string;
  /** `--timeout SECONDS`; without it, `BRIEFING_TIMEOUT`. */
  timeout?: string;
  /** `--since OLD`: an earlier brief's file, or `git:REV`. */
  since?: string;
  /** `--png`: also write a picture of each slide. */
  png?: boolean;
}

/** What a run is for: only the commands that open pages in the browser have a step timeout. */
export type ConfigCommand = "build" | "check" | "serve";

/** The environment variables a run reads; nothing past `resolveConfig` reads `process.env`. */
export interface ConfigEnv {
  BRIEFING_TIMEOUT?: string;
  SOURCE_DATE_EPOCH?: string;
}

/** Every setting decided: flags over the config file over the defaults. */
export interface ResolvedConfig {
  outDir: string;
  classification?: string;
  /** The tool's words for every brief, over the catalogue's. */
  labels?: LabelOverrides;
  /** The project's own banner colours, by marking or level. */
  markings?: OwnMarkings;
  /** The yardstick of briefs that name none. */
  yardstick?: YardstickName;
  browserPath?: string;
  /** A CSS file laid over the built-in theme. */
  theme?: string;
  /** Also write a picture of each slide (`slides/01.png` …). */
  png: boolean;
  /** The config file that was read, if any. */
  file?: string;
  /** How long one step in the browser may take, in milliseconds; see `stepTimeout`. */
  stepTimeout?: number;
  /** `SOURCE_DATE_EPOCH`, in seconds: the date of every PDF instead of the brief's as-of date. */
  sourceDateEpoch?: number;
  /** The earlier version a build shows what changed since: a file, or `git:REV`. */
  since?: string;
  /** Every build also writes the PowerPoint file (`build --pptx`). */
  pptx?: boolean;
}

/**
 * Resolves the settings for a run: each one is the flag if given, else the config file's value
 * (relative paths taken from the file's folder), else the default. The config file is the one
 * named by `--config`, or the first `briefing.config.{yaml,yml,json}` found in the folder of
 * the first brief (or the folder given) and the folders above it. The step timeout is judged
 * before the config file is read, and only for `build` and `check`.
 */
export async function resolveConfig(
  flags: ConfigFlags,
  inputs: readonly string[],
  command?: ConfigCommand,
  env: ConfigEnv = process.env,
): Promise<ResolvedConfig> {
  const timeout =
    command === "build" || command === "check"
      ? stepTimeout(flags.timeout, env.BRIEFING_TIMEOUT)
      : undefined;
  const file = flags.config ?? (await findConfig(inputs[0] ?? "."));
  const user = file ? await readConfig(file) : {};
  const fromFile = (value: string | undefined) =>
    value === undefined || !file ? value : path.resolve(path.dirname(file), value);
  const theme = fromFile(user.theme);
  if (theme && !existsSync(theme)) {
    throw new BriefingError("usage", `${file}: the theme ${user.theme} does not exist (${theme})`);
  }
  return {
    outDir: flags.out ?? fromFile(user.out) ?? "dist",
    classification: user.classification,
    labels: user.labels,
    markings: user.markings,
    yardstick: user.yardstick,
    browserPath: flags.browser ?? fromFile(user.browser),
    theme,
    png: flags.png ?? user.png ?? false,
    file,
    stepTimeout: timeout,
    sourceDateEpoch: sourceDateEpoch(env.SOURCE_DATE_EPOCH),
    // A revision is no path; a file is, relative to the config file like every path in it.
    since: flags.since ?? (user.since?.startsWith("git:") ? user.since : fromFile(user.since)),
    pptx: user.pptx,
  };
}

/** The longest `--timeout`: a day, far below where Node's timers overflow and fire at once. */
const maxTimeout = 24 * 60 * 60;

/** `--timeout SECONDS` (or `BRIEFING_TIMEOUT`, empty when unset) in milliseconds. */
export function stepTimeout(flag: string | undefined, env: string | undefined): number | undefined {
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

/** A usable `SOURCE_DATE_EPOCH`; any other value is ignored, as reproducible builds expect. */
function sourceDateEpoch(value: string | undefined): number | undefined {
  const epoch = Number(value);
  return Number.isFinite(epoch) && epoch > 0 ? epoch : undefined;
}

async function findConfig(input: string): Promise<string | undefined> {
  const info = await stat(input).catch(() => undefined);
  let dir = path.resolve(info?.isDirectory() ? input : path.dirname(input));
  for (;;) {
    for (const name of configNames) {
      const candidate = path.join(dir, name);
      // As the user would type it: relative below the current folder, whole above it.
      const relative = path.relative(".", candidate);
      if (existsSync(candidate)) return relative.startsWith("..") ? candidate : relative;
    }
    const parent = path.dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

/** Reads and validates a config file; its mistakes are reported like a brief's. */
export async function readConfig(file: string): Promise<UserConfig> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (error) {
    throw new BriefingError("usage", `cannot read the config file ${file}`, { cause: error });
  }
  // JSON is YAML, so one reader gives positions for both.
  const source = readYaml(file, text);
  // An empty file, or one of comments only, sets nothing.
  if (source.problems.length === 0 && source.data == null) return {};
  // zod, loaded only when there is a config file to check.
  const problems =
    source.data === undefined
      ? source.problems
      : (await import("./config-schema.js")).checkConfig(source);
  if (problems.length > 0) {
    throw new BriefingError(
      "usage",
      `the config file has problems:\n${problems.map(formatProblem).join("\n")}`,
      { problems },
    );
  }
  return (source.data ?? {}) as UserConfig;
}
