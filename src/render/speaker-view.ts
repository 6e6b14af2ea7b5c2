import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { brokenInstall } from "../errors.js";
import { packageFolder } from "../package-folder.js";

/** reveal's notes plugin, the file the deck ships, which holds the speaker view. */
export function readNotesPlugin(): string {
  return readFileSync(path.join(packageFolder("reveal.js"), "dist", "plugin", "notes.js"), "utf8");
}

/**
 * The CSP hashes of the inline script of reveal's speaker view, from the source of its notes
 * plugin (see readNotesPlugin). The plugin writes the view into a new `about:blank` window with
 * `document.write`, and that window inherits the deck's policy, so the script runs only if the
 * policy names it. Read from the file the deck ships, the hash follows reveal.js upgrades.
 */
export function speakerViewHashes(notesPlugin: string): string[] {
  return inlineScripts(speakerViewHtml(notesPlugin)).map(scriptHash);
}

/** The CSP source for an inline script with this text. */
export function scriptHash(text: string): string {
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
  if (raw.includes("${"))
    throw brokenInstall(
      "reveal.js is not the version briefing was made for: its speaker view is no longer a constant",
    );
  // Its only escapes are `\\`, `\/` (in `<\/script>`) and `\x` sequences outside the script.
  return raw.replace(/\\([\\/`$])/g, "$1");
}
