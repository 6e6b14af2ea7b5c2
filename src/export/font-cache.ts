import { createHash } from "node:crypto";
import { readFile, rename, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { makeFolder } from "./make-folder.js";

const remembered = new Map<string, Promise<Uint8Array | undefined>>();

/** The folder for fonts cut from system fonts: `$XDG_CACHE_HOME/briefing/fonts`. */
export function fontCacheDir(): string {
  const base = process.env.XDG_CACHE_HOME || path.join(os.homedir(), ".cache");
  return path.join(base, "briefing", "fonts");
}

/**
 * The bytes `make` gives for `key`, made once: kept for the process and on disk, because
 * reading a 20 MB CJK font to cut a few glyphs from it costs 100 ms a weight. A cache that
 * cannot be read or written is only slower; a cached file that `usable` refuses is made again.
 */
export function cachedFont(
  key: unknown,
  make: () => Promise<Uint8Array | undefined>,
  usable: (bytes: Uint8Array) => boolean,
): Promise<Uint8Array | undefined> {
  const name = createHash("sha256").update(JSON.stringify(key)).digest("hex");
  let bytes = remembered.get(name);
  if (!bytes) {
    bytes = fromDisk(name, make, usable);
    remembered.set(name, bytes);
  }
  return bytes;
}

async function fromDisk(
  name: string,
  make: () => Promise<Uint8Array | undefined>,
  usable: (bytes: Uint8Array) => boolean,
): Promise<Uint8Array | undefined> {
  const file = path.join(fontCacheDir(), `${name}.otf`);
  try {
    const cached = new Uint8Array(await readFile(file));
    if (usable(cached)) return cached;
  } catch {
    // Not made yet.
  }
  const bytes = await make();
  if (bytes) {
    const temporary = `${file}.${process.pid}.tmp`;
    try {
      await makeFolder(path.dirname(file), "font cache");
      await writeFile(temporary, bytes);
      await rename(temporary, file);
    } catch {
      // A read-only home or a full disk: the next build cuts the font again.
      await rm(temporary, { force: true }).catch(() => {});
    }
  }
  return bytes;
}
