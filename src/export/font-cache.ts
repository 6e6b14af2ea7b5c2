import { mkdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { hashOf } from "../hash.js";

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
  const text = JSON.stringify(key);
  let bytes = remembered.get(text);
  if (!bytes) {
    bytes = fromDisk(hashOf(text), text, make, usable);
    remembered.set(text, bytes);
  }
  return bytes;
}

async function fromDisk(
  name: string,
  key: string,
  make: () => Promise<Uint8Array | undefined>,
  usable: (bytes: Uint8Array) => boolean,
): Promise<Uint8Array | undefined> {
  // The name is a hash, which a brief could be written to share with another's: each file
  // starts with the key it was cut for, on a line of its own (JSON has no raw line breaks).
  const file = path.join(fontCacheDir(), `${name}.cut`);
  try {
    const stored = new Uint8Array(await readFile(file));
    const end = stored.indexOf(0x0a);
    const bytes = stored.subarray(end + 1);
    if (end > 0 && Buffer.from(stored.subarray(0, end)).toString("utf8") === key && usable(bytes)) {
      return bytes;
    }
  } catch {
    // Not made yet.
  }
  const bytes = await make();
  if (bytes) {
    const temporary = `${file}.${process.pid}.tmp`;
    try {
      await mkdir(path.dirname(file), { recursive: true });
      await writeFile(temporary, Buffer.concat([Buffer.from(`${key}\n`), bytes]));
      // Renamed whole, so a reader finds a key with its own font or nothing.
      await rename(temporary, file);
    } catch {
      // A read-only home or a full disk: the next build cuts the font again.
      await rm(temporary, { force: true }).catch(() => {});
    }
  }
  return bytes;
}
