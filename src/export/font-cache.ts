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
  const file = path.join(fontCacheDir(), `${name}.otf`);
  // The name is a hash, which a brief could be written to share with another's: the key beside
  // the font says whose it is.
  const keyFile = path.join(fontCacheDir(), `${name}.key`);
  try {
    const [stored, cached] = await Promise.all([readFile(keyFile, "utf8"), readFile(file)]);
    const bytes = new Uint8Array(cached);
    if (stored === key && usable(bytes)) return bytes;
  } catch {
    // Not made yet.
  }
  const bytes = await make();
  if (bytes) {
    try {
      await mkdir(path.dirname(file), { recursive: true });
      // The key first: a font is only ever found beside its own key.
      await writeAside(keyFile, key);
      await writeAside(file, bytes);
    } catch {
      // A read-only home or a full disk: the next build cuts the font again.
    }
  }
  return bytes;
}

/** Writes a file under another name and renames it, so readers find it whole or not at all. */
async function writeAside(file: string, data: string | Uint8Array): Promise<void> {
  const temporary = `${file}.${process.pid}.tmp`;
  try {
    await writeFile(temporary, data);
    await rename(temporary, file);
  } catch (error) {
    await rm(temporary, { force: true }).catch(() => {});
    throw error;
  }
}
