import type { OptionSpec } from "./command.js";

// Options more than one command takes, worded once.

export const configOption = {
  type: "string",
  value: "FILE",
  help: "read settings from FILE, not from the briefing.config.yaml (or .yml,\n.json) found beside the briefs or above them",
} as const satisfies OptionSpec;

export const browserOption = {
  type: "string",
  value: "PATH",
  help: "the Chrome or Chromium to print and lay out with (also BRIEFING_BROWSER;\nby default the one found on this machine)",
} as const satisfies OptionSpec;

export const timeoutOption = {
  type: "string",
  value: "SECONDS",
  help: "give up on a brief when one step in the browser (opening the deck, loading\nits images, laying out, printing) takes longer than this (also\nBRIEFING_TIMEOUT; by default a minute a step, more for big decks; at most\n86400, a day)",
} as const satisfies OptionSpec;

export const exitStatus =
  "Exit status: 0 ok, 1 invalid brief (or --strict warnings), 2 wrong usage, 3 environment (no\nbrowser, unwritable output, a brief that could not be printed), 4 a fault of briefing itself.";

export const foldersAndSettings =
  "A folder stands for every *.yaml and *.yml file in it. Settings come from the flags, then from\nbriefing.config.yaml (or .yml / .json) beside the briefs or above them, then the defaults.";
