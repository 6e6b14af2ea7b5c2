import { existsSync } from "node:fs";
import { readFile, stat } from "node:fs/promises";
import path from "node:path";
import type { UserConfig } from "./config-schema.js";
import { BriefingError, formatProblem } from "./errors.js";
import type { LabelOverrides } from "./labels/labels.js";
import { readYaml } from "./load/read-yaml.js";

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
}

/** Every setting decided: flags over the config file over the defaults. */
export interface ResolvedConfig {
  outDir: string;
  classification?: string;
  /** The tool's words for every brief, over the catalogue's. */
  labels?: LabelOverrides;
  browserPath?: string;
  /** A CSS file laid over the built-in theme. */
  theme?: string;
  /** The config file that was read, if any. */
  file?: string;
}

/**
 * Resolves the settings for a run: each one is the flag if given, else the config file's value
 * (relative paths taken from the file's folder), else the default. The config file is the one
 * named by `--config`, or the first `briefing.config.{yaml,yml,json}` found in the folder of
 * the first brief (or the folder given) and the folders above it.
 */
export async function resolveConfig(
  flags: ConfigFlags,
  inputs: readonly string[],
): Promise<ResolvedConfig> {
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
    browserPath: flags.browser ?? fromFile(user.browser),
    theme,
    file,
  };
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
    );
  }
  return (source.data ?? {}) as UserConfig;
}
