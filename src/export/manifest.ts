import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { readFile, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { templatesDir } from "../render/templates.js";

const require = createRequire(import.meta.url);

/** The file in each output folder that records what it was built from. */
export const manifestName = ".briefing-build.json";

/** What an output folder was built from: a hash of every input, and the files it holds. */
export interface Manifest {
  inputs: string;
  outputs: string[];
  /** The brief's image paths as written in it: what to hash again to see if anything changed. */
  images?: string[];
}

/** Everything a build reads besides the brief's own files: hashed once per process. */
let toolHash: string | undefined;

function hashToolInputs(): string {
  if (toolHash) return toolHash;
  const hash = createHash("sha256");
  // reveal.js exports only its entry point, in dist/; its package.json is one folder up.
  const revealPackage = path.join(path.dirname(require.resolve("reveal.js")), "..", "package.json");
  for (const file of [new URL("../../package.json", import.meta.url), revealPackage]) {
    hash.update(String(JSON.parse(readFileSync(file, "utf8")).version));
  }
  for (const file of listFiles(templatesDir)) {
    hash.update(path.relative(templatesDir, file)).update("\0").update(readFileSync(file));
  }
  toolHash = hash.digest("hex");
  return toolHash;
}

function listFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .sort((a, b) => a.name.localeCompare(b.name))
    .flatMap((entry) => {
      const full = path.join(dir, entry.name);
      return entry.isDirectory() ? listFiles(full) : [full];
    });
}

/**
 * A hash of everything that decides a build's output: the brief, its images, the templates and
 * theme, the tool's and reveal.js's versions, and the options that change what is written.
 */
export async function hashInputs(
  briefFile: string,
  images: ReadonlyMap<string, string>,
  options: object,
): Promise<string> {
  const hash = createHash("sha256");
  hash.update(hashToolInputs()).update(JSON.stringify(options));
  hash.update(await readFile(briefFile));
  for (const [ref, real] of [...images].sort(([a], [b]) => a.localeCompare(b))) {
    hash
      .update(ref)
      .update("\0")
      .update(await readFile(real));
  }
  return hash.digest("hex");
}

/** The manifest of an earlier build in `folder`, if it has one that can be read. */
export async function readManifest(folder: string): Promise<Manifest | undefined> {
  try {
    const data = JSON.parse(await readFile(path.join(folder, manifestName), "utf8"));
    if (typeof data?.inputs === "string" && Array.isArray(data.outputs)) return data as Manifest;
  } catch {
    // No manifest, or a damaged one: the folder is simply rebuilt.
  }
  return undefined;
}

/** Records in `folder` what it was built from. */
export async function writeManifest(folder: string, manifest: Manifest): Promise<void> {
  await writeFile(path.join(folder, manifestName), `${JSON.stringify(manifest, null, 2)}\n`);
}
