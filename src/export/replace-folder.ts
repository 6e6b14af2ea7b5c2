import { existsSync, renameSync, rmSync } from "node:fs";
import { mkdir, readdir, rename, rm } from "node:fs/promises";
import path from "node:path";
import { deckNameProblem } from "../deck-name.js";
import { BriefingError } from "../errors.js";
import { onInterrupt } from "../interrupt.js";
import { isRunning } from "../is-running.js";
import { folderFailure } from "./make-folder.js";

/**
 * Builds a new version of `dir/name` in a temporary folder beside it, and only when `fill` has
 * succeeded swaps it in by rename; on any failure the old folder stays exactly as it was and
 * the temporary one is removed. `name` must be a plain folder name: nothing but a folder
 * directly inside `dir` is ever replaced.
 */
export async function replaceFolder(
  dir: string,
  name: string,
  fill: (tmp: string) => Promise<void>,
): Promise<void> {
  // The build refuses such names first; this is the last line, where a wrong name would
  // replace the output folder, its parent or a folder elsewhere.
  const problem = deckNameProblem(name);
  if (problem) {
    throw new BriefingError(
      "internal",
      `refusing to replace ${JSON.stringify(name)} in ${dir}: the name is ${problem}`,
    );
  }
  const target = path.join(dir, name);
  // The process and a random part: no other build uses the name now, and none left it behind.
  const tag = `${process.pid}-${Math.random().toString(36).slice(2, 10)}`;
  const tmp = path.join(dir, `.${name}.tmp-${tag}`);
  const old = path.join(dir, `.${name}.old-${tag}`);
  try {
    await mkdir(tmp);
  } catch (error) {
    throw new BriefingError("environment", `cannot write to ${dir}: ${folderFailure(dir, error)}`, {
      cause: error,
    });
  }
  const forget = onInterrupt(() => {
    // Writes of the build may still be under way in the thread pool, creating files in it as
    // fast as they are removed. Moved aside first, it is out of their reach: a file not yet
    // created under the old name cannot be, and the rest is removed with the folder. (The new
    // name still reads as a leftover of this process, which a later build would remove.)
    let doomed = tmp;
    try {
      renameSync(tmp, `${tmp}x`);
      doomed = `${tmp}x`;
    } catch {
      // Not made yet, or already gone.
    }
    rmSync(doomed, { recursive: true, force: true, maxRetries: 5, retryDelay: 20 });
    // Stopped between the two renames: put the old folder back.
    if (!existsSync(old)) return;
    if (existsSync(target)) rmSync(old, { recursive: true, force: true });
    else renameSync(old, target);
  });
  try {
    await fill(tmp);
    let hadOld = true;
    try {
      await rename(target, old);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw cannotReplace(target, error);
      hadOld = false;
    }
    try {
      await rename(tmp, target);
    } catch (error) {
      if (hadOld) await rename(old, target);
      throw cannotReplace(target, error);
    }
    if (hadOld) await rm(old, { recursive: true, force: true });
  } finally {
    await rm(tmp, { recursive: true, force: true });
    forget();
  }
}

function cannotReplace(target: string, error: unknown): BriefingError {
  // On Windows a deck folder whose PDF is open in a viewer cannot be renamed (EPERM, EBUSY).
  const reason = folderFailure(target, error);
  return new BriefingError("environment", `cannot replace ${target}: ${reason}`, { cause: error });
}

/** The temporary and old folders `replaceFolder` makes: `.<name>.tmp-<pid>-<tag>`, `.old-`. */
const leftover = /^\.(.+)\.(tmp|old)-(\d+)-[a-z0-9]+$/;

/**
 * Removes from `dir` the temporary folders of builds that were killed (SIGKILL, a power cut)
 * before they could clean up. A folder is only ever touched once the process named in it is
 * gone, so a build running beside this one keeps its own. An old deck set aside by a build
 * killed between its two renames, with no deck in its place, is put back instead.
 */
export async function removeLeftovers(dir: string): Promise<void> {
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  for (const entry of entries) {
    const match = leftover.exec(entry.name);
    if (!match || !entry.isDirectory() || isRunning(Number(match[3]))) continue;
    const [, name, kind] = match as unknown as [string, string, string];
    const folder = path.join(dir, entry.name);
    const target = path.join(dir, name);
    // Best effort: another build may be tidying the same folder at the same moment.
    if (kind === "old" && !deckNameProblem(name) && !existsSync(target)) {
      await rename(folder, target).catch(() => {});
    } else {
      await rm(folder, { recursive: true, force: true }).catch(() => {});
    }
  }
}
