import { readdirSync, readlinkSync, rmSync, statSync } from "node:fs";
import { mkdtemp } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { isRunning } from "../is-running.js";
import { commandLines } from "./processes.js";

/** The prefix of the browser profile folders the tool makes in the temporary folder. */
export const profilePrefix = "briefing-chromium-";

/**
 * Makes a profile folder for a browser this process launches, first removing those that
 * earlier runs left behind (see `removeStaleProfiles`).
 */
export function makeProfile(): Promise<string> {
  removeStaleProfiles(os.tmpdir());
  // Named after this process, so that a later launch knows when its owner is gone.
  return mkdtemp(path.join(os.tmpdir(), `${profilePrefix}${process.pid}-`));
}

/**
 * Removes the profile folders in `tmp` that an earlier run left when it was killed outright
 * (SIGKILL leaves no time to clean up): those whose owner, named in the folder's name, has
 * exited and that no process uses any more. A live build's folder is never touched; nor is one
 * whose owner is not known (a version that did not name it), unless it is unused and a day old.
 */
export function removeStaleProfiles(tmp: string): void {
  let names: string[];
  try {
    names = readdirSync(tmp).filter((name) => name.startsWith(profilePrefix));
  } catch {
    return;
  }
  const stale = names
    .filter((name) => {
      const owner = /^(\d+)-/.exec(name.slice(profilePrefix.length))?.[1];
      if (owner) return !isRunning(Number(owner));
      try {
        return Date.now() - statSync(path.join(tmp, name)).mtimeMs > 24 * 3600_000;
      } catch {
        return false;
      }
    })
    .map((name) => path.join(tmp, name));
  if (stale.length === 0) return;
  const lines = [...commandLines().values()];
  for (const folder of stale) {
    if (!lines.some((line) => line.includes(folder))) removeProfile(folder);
  }
}

/** Removes a profile folder, and the folder of the singleton socket it links to. */
export function removeProfile(profile: string): void {
  try {
    // Chromium keeps its singleton socket in a folder of its own in the temporary folder, and
    // removes it only when it exits cleanly; the profile links to it.
    const socketDir = path.dirname(readlinkSync(path.join(profile, "SingletonSocket")));
    if (path.basename(socketDir).startsWith("org.chromium.Chromium.")) {
      rmSync(socketDir, { recursive: true, force: true });
    }
  } catch {
    // No socket: the browser never got that far, or cleaned up after itself.
  }
  try {
    // A dying browser may still be writing into it for a moment.
    rmSync(profile, { recursive: true, force: true, maxRetries: 10, retryDelay: 50 });
  } catch {
    // Nothing more can be done; the folder is in the temporary folder at least.
  }
}
