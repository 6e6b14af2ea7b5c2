/** Codes for problems found in a brief's content: each is reported with its position. */
export type ProblemCode =
  | "yaml-syntax"
  | "duplicate-key"
  | "unknown-key"
  | "missing-key"
  | "wrong-type"
  | "bad-value"
  | "bad-date"
  | "date-order"
  | "unknown-category"
  | "unknown-source"
  | "duplicate-id"
  | "bad-url"
  | "bad-path"
  | "missing-file"
  // A path that names a folder, a named pipe or a device where a file belongs.
  | "not-a-file"
  // A brief that is not UTF-8 text: binary, UTF-16, another encoding.
  | "not-text"
  | "empty-list"
  | "bad-language"
  | "bad-color"
  // A likelihood that is no term of the brief's yardstick; or a term of the other yardstick.
  | "bad-likelihood"
  | "wrong-yardstick"
  // A warning: the brief still builds.
  | "event-after-as-of"
  // A warning: the label catalogue lacks the brief's language, so its words are English.
  | "unknown-language"
  // A warning: an image with no `alt` says nothing to a reader who cannot see it.
  | "missing-alt"
  // Found by laying the deck out in the browser: reported as warnings by `build`.
  | "overflow"
  | "image-not-loaded"
  | "missing-font"
  // The deck asked the browser for something outside itself while printing; refused.
  | "blocked-request"
  // A warning: an item matches more than one of the earlier brief's (`--since`) by its wording.
  | "ambiguous-match";

/** A 1-based line and column in a file. */
export interface Position {
  line: number;
  col: number;
}

/**
 * How much a problem weighs: an error stops the brief from building; a warning is what is
 * likely a mistake but may be meant, and the brief builds (`--strict` fails on it).
 */
export type Severity = "error" | "warning";

/** Each code's severity, said once: the reports, the JSON and `--strict` all read it here. */
const severities: Record<ProblemCode, Severity> = {
  "yaml-syntax": "error",
  "duplicate-key": "error",
  "unknown-key": "error",
  "missing-key": "error",
  "wrong-type": "error",
  "bad-value": "error",
  "bad-date": "error",
  "date-order": "error",
  "unknown-category": "error",
  "unknown-source": "error",
  "duplicate-id": "error",
  "bad-url": "error",
  "bad-path": "error",
  "missing-file": "error",
  "not-a-file": "error",
  "not-text": "error",
  "empty-list": "error",
  "bad-language": "error",
  "bad-color": "error",
  "bad-likelihood": "error",
  "wrong-yardstick": "error",
  "event-after-as-of": "warning",
  "unknown-language": "warning",
  "missing-alt": "warning",
  overflow: "warning",
  "image-not-loaded": "warning",
  "missing-font": "warning",
  "blocked-request": "warning",
  "ambiguous-match": "warning",
};

export function severityOf(problem: Pick<Problem, "code">): Severity {
  return severities[problem.code];
}

/** One mistake in a brief, as data; `format` turns it into text. */
export interface Problem {
  code: ProblemCode;
  message: string;
  file: string;
  pos: Position;
  /** The path of keys and indexes to the offending value, e.g. ["timeline", "events", 2, "date"]. */
  path: (string | number)[];
  /** The image the problem is about, as the brief names it, when it is about one. */
  image?: string;
}

/**
 * Formats a problem the way compilers do, so editors can jump to it; a warning says so, as
 * compilers' warnings do.
 */
export function formatProblem(problem: Problem): string {
  const warning = severityOf(problem) === "warning" ? "warning: " : "";
  return `${problem.file}:${problem.pos.line}:${problem.pos.col}: ${warning}${problem.message}`;
}

/** A warning that the deck's page asked for `url` (or ran inline code), which was refused. */
export function blockedRequest(file: string, url: string): Problem {
  // What the Content-Security-Policy reports for code rather than a fetch.
  const code = url === "inline" || url === "eval";
  const what = url.length > 200 ? `${url.slice(0, 200)}…` : url;
  return {
    code: "blocked-request",
    message: code
      ? `the deck tried to run ${url === "eval" ? "eval" : "inline"} code, which was blocked`
      : `the deck asked for ${what}, which was blocked: printing reads only the deck's own files, never the network`,
    file,
    pos: { line: 1, col: 1 },
    path: [],
  };
}

/** Codes for failures of the program's use or environment, each with its exit status. */
export const exitCodes = {
  invalid: 1,
  usage: 2,
  environment: 3,
  internal: 4,
} as const;

export type FailureKind = keyof typeof exitCodes;

/** A failure that is not the brief's fault: wrong usage, no browser, unwritable output. */
export class BriefingError extends Error {
  readonly kind: FailureKind;
  /**
   * The mistakes at places in a file that make up the failure (the config file's), as data;
   * the message says them too.
   */
  readonly problems: readonly Problem[];

  constructor(
    kind: FailureKind,
    message: string,
    options?: { cause?: unknown; problems?: readonly Problem[] },
  ) {
    super(message, options);
    this.name = "BriefingError";
    this.kind = kind;
    this.problems = options?.problems ?? [];
  }
}

/**
 * A failure of briefing's own files as installed (a font, a template, a package of another
 * version than it was built with): the machine's to fix, by installing again, not a bug of
 * briefing's (exit 3, with the way out).
 */
export function brokenInstall(what: string): BriefingError {
  return new BriefingError(
    "environment",
    `briefing's installation is broken: ${what}; run npm install in the briefing folder`,
  );
}
