import { createHash } from "node:crypto";
import { readFile, rename, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { makeFolder } from "./make-folder.js";

/** What the cache keeps: cuts of fonts, images scaled for their slides. */
export type MadeKind = "fonts" | "images";

const remembered = new Map<string, Promise<Uint8Array | undefined>>();

/** The folder for made files of a kind: `$XDG_CACHE_HOME/briefing/<kind>`. */
export function madeCacheDir(kind: MadeKind): string {
  const base = process.env.XDG_CACHE_HOME || path.join(os.homedir(), ".cache");
  return path.join(base, "briefing", kind);
}

/** The folder for cuts of fonts: `$XDG_CACHE_HOME/briefing/fonts`. */
export function fontCacheDir(): string {
  return madeCacheDir("fonts");
}

/**
 * The bytes `make` gives for `key`, made once: kept for the process and on disk, because
 * reading a CJK font of megabytes to cut a few glyphs from it, or scaling a big photo, costs
 * more than the rest of a build (see docs/performance.md). A cache that cannot be read or written is only slower; a
 * cached file that `usable` refuses is made again.
 */
export function cachedMade(
  kind: MadeKind,
  key: unknown,
  make: () => Promise<Uint8Array | undefined>,
  usable: (bytes: Uint8Array) => boolean,
): Promise<Uint8Array | undefined> {
  const name = createHash("sha256").update(JSON.stringify(key)).digest("hex");
  const file = path.join(madeCacheDir(kind), kind === "fonts" ? `${name}.otf` : name);
  let bytes = remembered.get(file);
  if (!bytes) {
    bytes = fromDisk(file, kind, make, usable);
    remembered.set(file, bytes);
  }
  return bytes;
}

/** A font cut for `key` (see `cachedMade`). */
export function cachedFont(
  key: unknown,
  make: () => Promise<Uint8Array | undefined>,
  usable: (bytes: Uint8Array) => boolean,
): Promise<Uint8Array | undefined> {
  return cachedMade("fonts", key, make, usable);
}

async function fromDisk(
  file: string,
  kind: MadeKind,
  make: () => Promise<Uint8Array | undefined>,
  usable: (bytes: Uint8Array) => boolean,
): Promise<Uint8Array | undefined> {
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
      await makeFolder(path.dirname(file), `${kind === "fonts" ? "font" : "image"} cache`);
      await writeFile(temporary, bytes);
      await rename(temporary, file);
    } catch {
      // A read-only home or a full disk: the next build makes it again.
      await rm(temporary, { force: true }).catch(() => {});
    }
  }
  return bytes;
}
