import { existsSync, renameSync, rmSync } from "node:fs";
import { mkdir, rename, rm } from "node:fs/promises";
import path from "node:path";
import { BriefingError } from "../errors.js";
import { onInterrupt } from "../interrupt.js";

/**
 * Builds a new version of `target` in a temporary folder beside it, and only when `fill` has
 * succeeded swaps it in by rename; on any failure the old folder stays exactly as it was and
 * the temporary one is removed.
 */
export async function replaceFolder(
  target: string,
  fill: (tmp: string) => Promise<void>,
): Promise<void> {
  const parent = path.dirname(target);
  const base = path.basename(target);
  // The process and a random part: no other build uses the name now, and none left it behind.
  const tag = `${process.pid}-${Math.random().toString(36).slice(2, 10)}`;
  const tmp = path.join(parent, `.${base}.tmp-${tag}`);
  const old = path.join(parent, `.${base}.old-${tag}`);
  try {
    await mkdir(tmp, { recursive: true });
  } catch (error) {
    throw new BriefingError(
      "environment",
      `cannot write to ${parent}: ${(error as Error).message}`,
      { cause: error },
    );
  }
  const forget = onInterrupt(() => {
    // A write of the build may still be creating a file in it: try again for a moment.
    rmSync(tmp, { recursive: true, force: true, maxRetries: 5, retryDelay: 20 });
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
      if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
      hadOld = false;
    }
    try {
      await rename(tmp, target);
    } catch (error) {
      if (hadOld) await rename(old, target);
      throw error;
    }
    if (hadOld) await rm(old, { recursive: true, force: true });
  } finally {
    await rm(tmp, { recursive: true, force: true });
    forget();
  }
}
