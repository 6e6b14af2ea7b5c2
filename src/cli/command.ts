import { type ParseArgsConfig, parseArgs } from "node:util";
import { BriefingError } from "../errors.js";
import { didYouMean } from "../load/suggest.js";
import type { Io } from "./output.js";

/** One option of a command, with the words its help gives it. */
export interface OptionSpec {
  type: "string" | "boolean";
  short?: string;
  /** What the value stands for in the help (`DIR`, `N`); string options only. */
  value?: string;
  help: string;
}

export type OptionSpecs = Record<string, OptionSpec>;

/** The values parsed for a command's options. */
export type Values<O extends OptionSpecs> = {
  -readonly [K in keyof O]?: O[K]["type"] extends "string" ? string : boolean;
};

/** A command of the command line: its own options, its own help, its own run. */
export interface Command<O extends OptionSpecs = OptionSpecs> {
  name: string;
  /** What follows the command's name in its usage line, options aside. */
  args: string;
  /** One line for the list of commands. */
  summary: string;
  /** Paragraphs of its own help, below the usage line. */
  description: string;
  options: O;
  run(inputs: string[], values: Values<O>, io: Io): Promise<number>;
}

/** Keeps a command's option names and their values' types together. */
export function defineCommand<O extends OptionSpecs>(command: Command<O>): Command<O> {
  return command;
}

/** Options every command takes. */
export const helpOption = {
  type: "boolean",
  short: "h",
  help: "print this help",
} as const satisfies OptionSpec;

/**
 * The arguments as options and positionals, judged against `options`. parseArgs runs leniently
 * and each option is judged here, so that every mistake gets this tool's own words, and so that a
 * value that starts with a dash (`-j -1`) reaches the check of its option instead of being
 * called ambiguous. `elsewhere` names the options of other commands, so that one given to the
 * wrong command is told apart from a typo.
 */
export function parseOptions(
  argv: string[],
  options: OptionSpecs,
  context: { command?: string; elsewhere?: Map<string, string> } = {},
): { values: Record<string, string | boolean | undefined>; positionals: string[] } {
  const config = toParseArgs(options);
  const { values, positionals, tokens } = parseArgs({
    args: argv,
    options: config,
    allowPositionals: true,
    strict: false,
    tokens: true,
  });
  for (const token of tokens) if (token.kind === "option") checkOption(token, config, context);
  return { values, positionals };
}

type OptionToken = Extract<
  NonNullable<ReturnType<typeof parseArgs>["tokens"]>[number],
  { kind: "option" }
>;

function checkOption(
  token: OptionToken,
  options: NonNullable<ParseArgsConfig["options"]>,
  context: { command?: string; elsewhere?: Map<string, string> },
): void {
  const option = options[token.name];
  const named = token.rawName;
  if (!option) {
    const owner = context.elsewhere?.get(token.name);
    if (owner && context.command) {
      throw new BriefingError(
        "usage",
        `"briefing ${context.command}" has no option ${named} (it is an option of "briefing ${owner}")`,
      );
    }
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

function toParseArgs(options: OptionSpecs): NonNullable<ParseArgsConfig["options"]> {
  return Object.fromEntries(
    Object.entries(options).map(([name, spec]) => [
      name,
      spec.short ? { type: spec.type, short: spec.short } : { type: spec.type },
    ]),
  );
}

/** A command's own help: its usage line, what it does, and every option it takes. */
export function commandHelp(command: Command): string {
  const rows = Object.entries(command.options).map(([name, spec]) => {
    const short = spec.short ? `-${spec.short}, ` : "";
    const value = spec.type === "string" ? ` ${spec.value ?? "VALUE"}` : "";
    return [`${short}--${name}${value}`, spec.help] as const;
  });
  const width = Math.max(...rows.map(([left]) => left.length)) + 2;
  const lines = rows.flatMap(([left, help]) => {
    const [first, ...rest] = help.split("\n");
    return [
      `  ${left.padEnd(width)}${first}`,
      ...rest.map((line) => `  ${" ".repeat(width)}${line}`),
    ];
  });
  return [
    `Usage: briefing ${command.name} ${command.args} [options]`.replace("  ", " "),
    "",
    command.description,
    "",
    "Options:",
    ...lines,
  ].join("\n");
}
