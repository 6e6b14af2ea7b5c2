import { mkdir, stat } from "node:fs/promises";
import path from "node:path";
import { BriefingError } from "../errors.js";

/**
 * Makes `dir` and the parents it lacks, one at a time, or says in words why it cannot. Not
 * `mkdir({ recursive: true })`: where mkdir fails with ENOENT under a parent that exists (under
 * /proc on Linux), Node makes the parent again and retries, forever.
 */
export async function makeFolder(dir: string, what = "folder"): Promise<void> {
  const missing: string[] = [];
  for (let at = path.resolve(dir); ; at = path.dirname(at)) {
    const info = await stat(at).catch((error: NodeJS.ErrnoException) => {
      // ENOTDIR: a part above is a file, which the walk up comes to.
      if (error.code === "ENOENT" || error.code === "ENOTDIR") return undefined;
      throw cannotMake(what, dir, path.dirname(at), error);
    });
    if (info?.isDirectory()) break;
    if (info) throw cannotMake(what, dir, at, Object.assign(new Error(), { code: "ENOTDIR" }));
    missing.push(at);
    if (path.dirname(at) === at) break;
  }
  for (const folder of missing.reverse()) {
    await mkdir(folder).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== "EEXIST") throw cannotMake(what, dir, path.dirname(folder), error);
    });
  }
}

/** Why no folder can be made in `at`, in words rather than an error code. */
export function folderFailure(at: string, error: unknown): string {
  switch ((error as NodeJS.ErrnoException).code) {
    case "ENOTDIR":
      return `${at} is a file, not a folder`;
    case "ENOENT":
      return `the system makes no folders in ${at}`;
    case "EACCES":
    case "EPERM":
      return `permission denied in ${at}`;
    case "EROFS":
      return `${at} is on a read-only file system`;
    case "ENOSPC":
      return "the disk is full";
    case "EBUSY":
      return `${at} or a file in it is in use by another program`;
    default:
      return (error as Error).message;
  }
}

/**
 * A file or folder operation that failed, in words: the path, and why in plain terms rather
 * than Node's `EACCES: permission denied, open '…'`.
 */
export function fileFailure(error: NodeJS.ErrnoException): string {
  const at = error.path ?? "a file";
  switch (error.code) {
    case "ENOENT":
      return `${at} went missing while it was being written`;
    case "EISDIR":
      return `${at} is a folder, not a file`;
    case "EMFILE":
    case "ENFILE":
      return "too many files are open at once on this machine";
    case "ENOTDIR":
    case "EACCES":
    case "EPERM":
    case "EROFS":
    case "ENOSPC":
    case "EBUSY":
      return `cannot write ${at}: ${folderFailure(at, error)}`;
    default:
      return `cannot write ${at}: the system refused (${error.code ?? "unknown error"})`;
  }
}

function cannotMake(what: string, dir: string, at: string, error: unknown): BriefingError {
  return new BriefingError(
    "environment",
    `cannot make the ${what} ${dir}: ${folderFailure(at, error)}`,
    { cause: error },
  );
}
