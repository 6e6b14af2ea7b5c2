import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { readdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { builtFromCurrent, isCheckout } from "../checkout.js";
import type { Problem } from "../errors.js";
import { inside } from "../inside-folder.js";
import { naming } from "../load/load-brief.js";
import { packageFolder } from "../package-folder.js";
import { packageRoot as root, templatesDir } from "../paths.js";
import { fallbackSources } from "./fallback-font.js";
import { besideDeck, type OutputSettings } from "./outputs.js";
import { imageScaling } from "./scale-images.js";

/** The file in each output folder that records what it was built from. */
export const manifestName = ".briefing-build.json";

/** What an output folder was built from: a hash of every input, and the files it holds. */
export interface Manifest {
  inputs: string;
  /** Every file the build wrote into the folder but this one, by its path with "/". */
  files: Record<string, WrittenFile>;
  /** The brief's image paths as written in it: what to hash again to see if anything changed. */
  images?: string[];
  /** Files kept from an earlier build (a PDF, in a `--no-pdf` build): they may not match. */
  stale?: string[];
  /** True when the build laid the slides out in the browser and so knows their warnings. */
  looked?: boolean;
  /** What it found amiss then, each without its file (a later build may name it otherwise). */
  warnings?: Omit<Problem, "file">[];
}

/** A file as the build wrote it. */
export interface WrittenFile {
  size: number;
  sha256: string;
}

/** Everything a build reads besides the brief's own files: hashed once per process. */
let toolHash: string | undefined;

function hashToolInputs(): string {
  toolHash ??= builtToolHash() ?? hashToolFiles();
  return toolHash;
}

// Written by scripts/hash-tool-inputs.mjs when the package is built (lib/ sits beside src/).
const builtHashFile = path.join(root, "lib", "tool-inputs.json");

/**
 * The tool's own inputs, as hashed when the package was built, while that hash still holds:
 * reading and hashing every template on each run costs far more than a stat each. It
 * holds while the packages it names have the versions it was made from (reveal.js can be
 * upgraded beside an installed briefing) and, in a checkout (see isCheckout), while none of the
 * files and folders it was made from is newer than it: a folder's time changes when a file is
 * added to it or removed, a file's when it is edited. Exported for tests.
 */
export function builtToolHash(file = builtHashFile, checkout = isCheckout()): string | undefined {
  try {
    const { hash, versions, paths } = JSON.parse(readFileSync(file, "utf8")) as BuiltToolHash;
    const installed = Object.entries(versions).every(
      ([name, version]) => packageVersion(packageFolder(name)) === version,
    );
    if (!installed) return undefined;
    const sources = () => paths.map((p) => path.resolve(root, p));
    return builtFromCurrent(file, sources, checkout) ? hash : undefined;
  } catch {
    return undefined;
  }
}

/** What scripts/hash-tool-inputs.mjs writes: the hash, and what it was made from. */
export interface BuiltToolHash {
  hash: string;
  /** The packages it was made from besides briefing, by name, with their versions. */
  versions: Record<string, string>;
  /** briefing's package.json and the template folders and files, relative to its folder. */
  paths: string[];
}

/** The hash of the tool's own inputs, and the packages, files and folders it was made from. */
export function builtToolHashData(): BuiltToolHash {
  const { folders, files } = toolInputs();
  const versions = Object.fromEntries(
    versionedPackages.map((name) => [name, packageVersion(packageFolder(name))]),
  );
  const paths = [path.join(root, "package.json"), ...folders, ...files];
  return { hash: hashToolFiles(), versions, paths: paths.map((p) => path.relative(root, p)) };
}

const packageVersion = (folder: string) =>
  String(JSON.parse(readFileSync(path.join(folder, "package.json"), "utf8")).version);

// Besides briefing: reveal.js is copied into each deck, pptxgenjs writes its PowerPoint file.
const versionedPackages = ["reveal.js", "pptxgenjs"];

/** The packages whose versions count (briefing and those above), the template folders and files. */
function toolInputs() {
  const folders = [templatesDir];
  const files = listFiles(templatesDir, folders);
  return { packages: [root, ...versionedPackages.map(packageFolder)], folders, files };
}

function hashToolFiles(): string {
  const hash = createHash("sha256");
  const { packages, files } = toolInputs();
  for (const folder of packages) hash.update(packageVersion(folder));
  for (const file of files) {
    hash.update(path.relative(templatesDir, file)).update("\0").update(readFileSync(file));
  }
  return hash.digest("hex");
}

/** The files under `dir`, in a fixed order; the folders met on the way are added to `folders`. */
function listFiles(dir: string, folders: string[]): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .sort((a, b) => a.name.localeCompare(b.name))
    .flatMap((entry) => {
      const full = path.join(dir, entry.name);
      if (!entry.isDirectory()) return [full];
      folders.push(full);
      return listFiles(full, folders);
    });
}

/**
 * A hash of everything that decides a build's output: the brief, its images, the templates and
 * theme, the tool's and reveal.js's versions, and the options that change what is written.
 * SHA-256, not a quicker non-cryptographic hash: a brief whose author could make two versions
 * hash alike could keep an old deck in place of the one its text says.
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
    if (typeof data?.inputs === "string" && typeof data.files === "object" && data.files) {
      return data as Manifest;
    }
  } catch {
    // No manifest, or a damaged one: the folder is simply rebuilt.
  }
  return undefined;
}

/** What a build says of itself in its manifest; the files it wrote are read from its folder. */
export type BuildRecord = Omit<Manifest, "files" | "warnings"> & { warnings: Problem[] };

/** Records in `folder` what it was built from, and every file the build wrote into it. */
export async function writeManifest(folder: string, record: BuildRecord): Promise<void> {
  const { stale, warnings, ...rest } = record;
  const manifest: Manifest = {
    ...rest,
    files: await recordFiles(folder),
    ...(stale?.length ? { stale } : {}),
    warnings: warnings.map(({ file: _file, ...warning }) => warning),
  };
  await writeFile(path.join(folder, manifestName), `${JSON.stringify(manifest, null, 2)}\n`);
}

/** Every file under `folder` but the manifest, with its size and hash. */
export async function recordFiles(folder: string): Promise<Record<string, WrittenFile>> {
  const files: Record<string, WrittenFile> = {};
  for (const name of await listFolder(folder)) {
    const bytes = await readFile(path.join(folder, name));
    files[name] = { size: bytes.length, sha256: sha256(bytes) };
  }
  return files;
}

/**
 * True when every file recorded is in `folder` as it was written: a deck with a file deleted,
 * cut short or overwritten (even with as many bytes) is no longer the build's. Every file is
 * read and hashed, the copied ones too. Read synchronously, which took half the time of
 * reading them all at once.
 */
export function filesIntact(folder: string, files: Record<string, WrittenFile>): boolean {
  const entries = Object.entries(files);
  const root = path.resolve(folder);
  // A manifest that names files outside its folder was not written by a build.
  const within = ([name]: [string, WrittenFile]) => inside(root, path.resolve(root, name));
  if (entries.length === 0 || !entries.every(within)) return false;
  try {
    return entries.every(([name, written]) => {
      const bytes = readFileSync(path.join(root, name));
      return bytes.length === written.size && sha256(bytes) === written.sha256;
    });
  } catch {
    // A file is gone, or is a folder now.
    return false;
  }
}

function sha256(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

/** The files under `folder` but the manifest, by their paths with "/", in a fixed order. */
async function listFolder(folder: string, prefix = ""): Promise<string[]> {
  const entries = await readdir(path.join(folder, prefix), { withFileTypes: true });
  const names: string[] = [];
  for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const name = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) names.push(...(await listFolder(folder, name)));
    else if (name !== manifestName) names.push(name);
  }
  return names;
}

/** The settings that change what a build writes: part of what decides whether to rebuild. */
function buildSettings(settings: OutputSettings): object {
  return {
    ...Object.fromEntries(besideDeck.map((output) => [output.kind, output.wanted(settings)])),
    notes: !!settings.notes,
    classification: settings.classification ?? "",
    labels: settings.labels ?? {},
    markings: settings.markings ?? {},
    yardstick: settings.yardstick ?? "",
    epoch: settings.sourceDateEpoch === undefined ? "" : String(settings.sourceDateEpoch),
    fonts: fallbackSources(),
    images: imageScaling(),
  };
}

/**
 * The hash of what a build of `briefFile` reads and how it writes (see `hashInputs`): the brief,
 * its images (real paths by the brief's), the project's theme and the settings.
 */
export function hashBuildInputs(
  briefFile: string,
  images: ReadonlyMap<string, string>,
  settings: OutputSettings,
  /** The text of the earlier version the deck shows the changes since (`--since`). */
  earlier?: string,
): Promise<string> {
  const files = new Map(images);
  if (settings.theme) files.set("\0theme", settings.theme);
  const since = earlier === undefined ? {} : { since: sha256(Buffer.from(earlier)) };
  return hashInputs(briefFile, files, { ...buildSettings(settings), ...since });
}

/**
 * The manifest of an earlier build in `target` from the same inputs (the same brief, images as
 * its manifest lists them, theme and settings), when every file it wrote is still as written.
 */
export async function unchangedBuild(
  briefFile: string,
  target: string,
  settings: OutputSettings,
  earlier?: string,
): Promise<Manifest | undefined> {
  const manifest = await readManifest(target);
  if (!manifest?.images) return undefined;
  const { dir } = naming(briefFile);
  const images = new Map(manifest.images.map((ref) => [ref, path.resolve(dir, ref)]));
  // A manifest names only files beside the brief; one that says otherwise was not ours.
  if ([...images.values()].some((image) => !inside(path.resolve(dir), image))) {
    return undefined;
  }
  try {
    if ((await hashBuildInputs(briefFile, images, settings, earlier)) !== manifest.inputs) {
      return undefined;
    }
  } catch {
    // An input is gone: the build will say which.
    return undefined;
  }
  return filesIntact(target, manifest.files) ? manifest : undefined;
}
