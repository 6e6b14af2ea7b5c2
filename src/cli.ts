import { readFileSync } from "node:fs";
import { buildCommand } from "./cli/build-command.js";
import { checkCommand } from "./cli/check-command.js";
import { type Command, commandHelp, helpOption, parseOptions } from "./cli/command.js";
import { exitStatus, foldersAndSettings } from "./cli/common-options.js";
import { newCommand } from "./cli/new-command.js";
import { type Out, printError, printLine } from "./cli/output.js";
import { schemaCommand } from "./cli/schema-command.js";
import { serveCommand } from "./cli/serve-command.js";
import { BriefingError, exitCodes } from "./errors.js";
import { undoAll } from "./interrupt.js";
import { didYouMean } from "./load/suggest.js";
import { packageJsonFile } from "./paths.js";

export { flushed } from "./cli/output.js";

/** Every command, in the order the help lists them. */
const commands: Command[] = [
  buildCommand,
  checkCommand,
  serveCommand,
  newCommand,
  schemaCommand,
] as Command[];

const globalOptions = {
  help: helpOption,
  version: { type: "boolean", short: "v", help: "print the version" },
} as const;

function usage(): string {
  const width = Math.max(...commands.map((c) => c.name.length)) + 2;
  return [
    "Usage: briefing <command> [options]",
    "",
    "Commands:",
    ...commands.map((c) => `  ${c.name.padEnd(width)}${c.summary}`),
    "",
    ...commands.map((c) => `  briefing ${c.name} ${c.args}`.trimEnd()),
    "",
    `Run "briefing <command> --help" (or "briefing help <command>") for its options.`,
    "  -h, --help     print this help",
    "  -v, --version  print the version",
    "",
    foldersAndSettings,
    exitStatus,
  ].join("\n");
}

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
  let command: Command | undefined;
  try {
    const io = {
      out,
      err,
      onInterrupt(handler: (() => void) | undefined) {
        onStop = handler;
      },
    };
    const found = findCommand(argv);
    command = found.command;
    if (!command) return runGlobal(found.argv, out);
    const { values, positionals } = parseOptions(found.argv, command.options, {
      command: command.name,
      elsewhere: optionOwners(command),
    });
    if (values.help) {
      out(commandHelp(command));
      return 0;
    }
    const inputs = positionals.slice(positionals.indexOf(command.name) + 1);
    // The values were parsed against this command's own options.
    return await command.run(inputs, values as never, io);
  } catch (error) {
    if (error instanceof BriefingError) {
      err(`briefing: ${error.message}`);
      // A mistake at a place in a file (the config file) is that file's, not the command line's.
      if (error.kind === "usage" && error.problems.length === 0) {
        const help = command ? `briefing ${command.name} --help` : "briefing --help";
        err(`Run "${help}" for usage.`);
      }
      return exitCodes[error.kind];
    }
    err(`briefing: internal error: ${(error as Error)?.message ?? String(error)}`);
    if (process.env.BRIEFING_DEBUG) err((error as Error)?.stack ?? "");
    return exitCodes.internal;
  } finally {
    onStop = undefined;
    process.off("SIGINT", stop);
    process.off("SIGTERM", stop);
  }
}

/**
 * The command the arguments name: their first positional, found by parsing them with every
 * option of every command, so that an option before the command (`--quiet build x`) and its
 * value are not taken for it. `help <command>` is that command, asked for its help.
 */
function findCommand(argv: string[]): { command?: Command; argv: string[] } {
  const every = Object.assign({}, globalOptions, ...commands.map((c) => c.options));
  const { positionals } = parseOptionsLeniently(argv, every);
  const [first, second] = positionals;
  // `help` is `--help`, for the command it names or for the whole tool.
  const asked =
    first === "help" ? argv.map((arg, i) => (i === argv.indexOf("help") ? "--help" : arg)) : argv;
  const name = first === "help" ? second : first;
  if (name === undefined) return { argv: asked };
  const command = commands.find((c) => c.name === name);
  if (!command) {
    const hint = didYouMean(
      name,
      commands.map((c) => c.name),
    );
    throw new BriefingError("usage", `unknown command "${name}"${hint}`);
  }
  return { command, argv: asked };
}

function parseOptionsLeniently(
  argv: string[],
  options: Record<string, Command["options"][string]>,
) {
  try {
    return parseOptions(argv, options);
  } catch {
    // A mistake in the options is judged by the command they belong to.
    return parseOptions(
      argv.filter((arg) => !arg.startsWith("-")),
      {},
    );
  }
}

/** `briefing`, `briefing --help`, `briefing --version`: no command. */
function runGlobal(argv: string[], out: Out): number {
  const { values } = parseOptions(argv, globalOptions);
  if (values.version) {
    out(version());
    return 0;
  }
  if (values.help) {
    out(usage());
    return 0;
  }
  throw new BriefingError("usage", "no command given");
}

/** Each option that `command` lacks, with the first other command that has it. */
function optionOwners(command: Command): Map<string, string> {
  const owners = new Map<string, string>();
  for (const other of commands) {
    for (const name of Object.keys(other.options)) {
      if (!(name in command.options) && !owners.has(name)) owners.set(name, other.name);
    }
  }
  return owners;
}

function version(): string {
  const pkg = JSON.parse(readFileSync(packageJsonFile, "utf8")) as {
    version: string;
  };
  return pkg.version;
}
