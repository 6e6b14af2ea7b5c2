import { readFileSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { packageFolder } from "../package-folder.js";

let hashes: string[] | undefined;

/** What `npm install` works out ahead (scripts/hash-tool-inputs.mjs): lib/ sits beside src/. */
const builtFile = fileURLToPath(new URL("../speaker-view.json", import.meta.url));

/** What lib/speaker-view.json holds: the hashes, and the notes plugin they were taken from. */
export interface SpeakerViewData {
  size: number;
  mtimeMs: number;
  hashes: string[];
}

/**
 * The CSP hashes of the inline script of reveal's speaker view. Its notes plugin writes the
 * view into a new `about:blank` window with `document.write`, and that window inherits the
 * deck's policy, so the script runs only if the policy names it. It is read from the
 * plugin's own source, the file the deck ships, so the hash follows reveal.js upgrades; the
 * package works it out when it is built, and a build uses that while the plugin is the same
 * file (loading Node's `crypto` for it would cost a build of one brief about 5 ms).
 */
export function speakerViewHashes(): string[] {
  hashes ??= builtHashes() ?? speakerViewData().hashes;
  return hashes;
}

/** The hashes as the plugin now gives them, with the size and time of its file. */
export function speakerViewData(): SpeakerViewData {
  const file = notesPlugin();
  const { size, mtimeMs } = statSync(file);
  const source = readFileSync(file, "utf8");
  return { size, mtimeMs, hashes: inlineScripts(speakerViewHtml(source)).map(scriptHash) };
}

function builtHashes(): string[] | undefined {
  try {
    const built = JSON.parse(readFileSync(builtFile, "utf8")) as SpeakerViewData;
    const { size, mtimeMs } = statSync(notesPlugin());
    return built.size === size && built.mtimeMs === mtimeMs ? built.hashes : undefined;
  } catch {
    return undefined;
  }
}

function notesPlugin(): string {
  return path.join(packageFolder("reveal.js"), "dist", "plugin", "notes.js");
}

/** The CSP source for an inline script with this text. */
export function scriptHash(text: string): string {
  // Loaded here, when needed, for the cost of loading it.
  const { createHash } = createRequire(import.meta.url)(
    "node:crypto",
  ) as typeof import("node:crypto");
  return `'sha256-${createHash("sha256").update(text, "utf8").digest("base64")}'`;
}

/** The text of each inline `<script>` of an HTML document. */
export function inlineScripts(html: string): string[] {
  return [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => m[1] as string);
}

/** The HTML the plugin writes: the template literal given to `document.write`, cooked. */
function speakerViewHtml(source: string): string {
  const start = source.indexOf("document.write(`");
  if (start < 0) return "";
  let end = start + "document.write(`".length;
  const from = end;
  while (end < source.length && source[end] !== "`") end += source[end] === "\\" ? 2 : 1;
  const raw = source.slice(from, end);
  if (raw.includes("${")) throw new Error("reveal.js's speaker view is no longer a constant");
  // Its only escapes are `\\`, `\/` (in `<\/script>`) and `\x` sequences outside the script.
  return raw.replace(/\\([\\/`$])/g, "$1");
}
