import { execFile } from "node:child_process";
import path from "node:path";
import { BriefingError, formatProblem, type Problem } from "../errors.js";
import type { MeaningDefaults } from "./check-meaning.js";
import { maxBytes } from "./limits.js";
import { type LoadedBrief, readBriefFile, validateBrief } from "./load-brief.js";
import { decodeText } from "./read-yaml.js";

/** The earlier version of a brief, read and valid, and its text (a build's input too). */
export interface EarlierBrief {
  loaded: LoadedBrief & { brief: NonNullable<LoadedBrief["brief"]> };
  text: string;
}

const gitPrefix = "git:";

/** True for `--since git:REV`, which names each brief's own file at a revision. */
export function isGitSince(since: string): boolean {
  return since.startsWith(gitPrefix);
}

/**
 * Reads the earlier version of `briefFile` that `since` names: a YAML file, or `git:REV` for
 * the same file at a revision of its repository (what `git show REV:path` shows). It must be a valid
 * brief; its images are not looked for, since only its words are compared. Every way it can
 * be missing is a usage error (exit 2) saying which; its mistakes are reported as a brief's
 * (exit 1), under its own name (`REV:path` for a revision, as git writes it).
 */
export async function loadEarlierBrief(
  since: string,
  briefFile: string,
  defaults: MeaningDefaults = {},
): Promise<EarlierBrief> {
  const { file, decoded } = isGitSince(since)
    ? await atRevision(since.slice(gitPrefix.length), briefFile)
    : { file: since, decoded: await readEarlier(since) };
  if (decoded.problem) throw invalid(file, [decoded.problem]);
  const loaded = await validateBrief(file, decoded.text, defaults, { files: false });
  if (!loaded.brief) throw invalid(file, loaded.problems);
  return { loaded: loaded as EarlierBrief["loaded"], text: decoded.text };
}

function invalid(file: string, problems: Problem[]): BriefingError {
  return new BriefingError(
    "invalid",
    `the earlier brief ${file} (--since) is not a valid brief\n${problems.map(formatProblem).join("\n")}`,
    { problems },
  );
}

/** A file's text read as a brief's is (never waiting on a named pipe), or why it is none. */
async function readEarlier(file: string): Promise<Decoded> {
  try {
    return await readBriefFile(file);
  } catch (error) {
    if (!(error instanceof BriefingError)) throw error;
    throw new BriefingError("usage", `--since ${file}: ${error.message}`, { cause: error });
  }
}

type Decoded = Awaited<ReturnType<typeof readBriefFile>>;

/** The brief's file as it was at `rev`, and its name as git writes it: `REV:path/in/repo.yaml`. */
async function atRevision(
  rev: string,
  briefFile: string,
): Promise<{ file: string; decoded: Decoded }> {
  const since = `--since ${gitPrefix}${rev}`;
  // A revision that starts with "-" would be read by git as an option.
  if (rev === "" || rev.startsWith("-") || /[\0\n]/.test(rev)) {
    throw new BriefingError(
      "usage",
      `${since}: name a revision after "git:", such as git:HEAD~1, git:main or a commit`,
    );
  }
  const dir = path.dirname(path.resolve(briefFile));
  // Where the brief's folder is in its repository, as git sees it (symbolic links resolved).
  const prefix = await git(dir, ["rev-parse", "--show-prefix"]).catch((error: GitFailure) => {
    if (/not a git repository/i.test(error.stderr)) {
      throw new BriefingError("usage", `${since}: ${briefFile} is not in a git repository`);
    }
    throw error.briefing ?? gitFailed(since, error);
  });
  const inRepo = `${prefix.trim()}${path.basename(briefFile)}`;
  const commit = await git(dir, ["rev-parse", "--verify", "--quiet", `${rev}^{commit}`]).catch(
    (error: GitFailure) => {
      throw (
        error.briefing ??
        new BriefingError(
          "usage",
          `${since}: the repository of ${briefFile} has no revision "${rev}"`,
        )
      );
    },
  );
  const object = `${commit.trim()}:${inRepo}`;
  const bytes = await gitBytes(dir, ["cat-file", "blob", object]).catch((error: GitFailure) => {
    throw (
      error.briefing ??
      new BriefingError(
        "usage",
        `${since}: there was no ${inRepo} at ${rev} (added since, or moved?)`,
      )
    );
  });
  const file = `${rev}:${inRepo}`;
  return { file, decoded: decodeText(file, bytes) };
}

/** A git command that failed: its error output, or the failure it is in the tool's words. */
interface GitFailure {
  stderr: string;
  briefing?: BriefingError;
}

async function git(cwd: string, args: string[]): Promise<string> {
  return (await gitBytes(cwd, args)).toString("utf8");
}

function gitBytes(cwd: string, args: string[]): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    execFile(
      "git",
      args,
      // Past the largest brief: a bigger file is refused as too large for one when it is read.
      { cwd, encoding: "buffer", maxBuffer: 2 * maxBytes, env: { ...process.env, LC_ALL: "C" } },
      (error, stdout, stderr) => {
        if (!error) return resolve(stdout);
        const code = (error as NodeJS.ErrnoException).code;
        const briefing =
          code === "ENOENT"
            ? new BriefingError("environment", "--since git:… needs git, which is not installed", {
                cause: error,
              })
            : code === "ERR_CHILD_PROCESS_STDIO_MAXBUFFER"
              ? new BriefingError(
                  "usage",
                  `--since: the earlier brief is larger than ${maxBytes / 1024 / 1024} MB, too large for a brief`,
                )
              : undefined;
        reject({ stderr: stderr.toString("utf8"), briefing } satisfies GitFailure);
      },
    );
  });
}

function gitFailed(since: string, error: GitFailure): BriefingError {
  const said = error.stderr.trim().split("\n")[0] ?? "";
  return new BriefingError("environment", `${since}: git failed${said ? `: ${said}` : ""}`);
}
