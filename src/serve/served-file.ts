import { constants } from "node:fs";
import { type FileHandle, open, realpath, stat } from "node:fs/promises";
import { inside } from "../inside-folder.js";

/** A file of a deck, and the folder its real path must stay inside whenever it is served. */
export interface ServedFile {
  file: string;
  within: string;
}

/** An open file that was inside its folder when it was opened. */
export interface ContainedFile {
  handle: FileHandle;
  size: number;
}

/**
 * Opens `file` for serving if it is a regular file whose real path is inside `folder` now.
 * Validation checked the brief's images when it was saved, but a file can be swapped for a
 * link (or its folder for one) at any moment after: so the file is opened first, and then the
 * path it has now must resolve inside the folder to that same opened file. Whatever is swapped
 * in between, what is read is the file that was checked.
 */
export async function openContained(
  file: string,
  folder: string,
): Promise<ContainedFile | undefined> {
  let handle: FileHandle;
  try {
    // Without blocking, so that a named pipe put in a file's place cannot stall the server.
    handle = await open(file, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch {
    return undefined;
  }
  try {
    const [opened, real, root] = await Promise.all([
      handle.stat(),
      realpath(file),
      realpath(folder),
    ]);
    if (opened.isFile() && inside(root, real)) {
      const there = await stat(real);
      if (there.dev === opened.dev && there.ino === opened.ino)
        return { handle, size: opened.size };
    }
  } catch {
    // Gone or changed while it was looked at: not served.
  }
  await handle.close();
  return undefined;
}
