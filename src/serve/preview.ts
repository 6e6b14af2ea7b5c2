import path from "node:path";
import type { BriefChanges } from "../compare/changes.js";
import { compareBriefs } from "../compare/compare-briefs.js";
import { BriefingError, formatProblem, type Problem } from "../errors.js";
import { deckFiles } from "../export/deck-files.js";
import { isGitSince, loadEarlierBrief } from "../load/earlier-brief.js";
import { type LoadedBrief, loadBrief } from "../load/load-brief.js";
import type { Deck } from "../model/deck.js";
import { type LookSettings, renderBrief } from "../render/render-brief.js";
import { builtRenderInputs, type RenderInputs } from "../render/render-inputs.js";
import { templatesDir } from "../render/templates.js";
import type { ServedFile } from "./served-file.js";

/** What the preview shows of one brief: its last good deck and the problems of its last save. */
export interface Preview {
  file: string;
  name: string;
  /** The HTML of the last version that was valid; absent until one was. */
  html?: string;
  /**
   * The last version that was valid, as loaded, its deck model and what changed since the
   * earlier version (`--since`): what downloads are made from.
   */
  good?: { loaded: LoadedBrief; deck: Deck; changes?: BriefChanges };
  /** The deck's own files by their path relative to the deck, → the file on disk. */
  files: Map<string, ServedFile>;
  /** Problems of the current file, formatted as `briefing check` prints them. */
  problems: string[];
  /** Goes up each time a new good version replaces the last one. */
  version: number;
  /** Files whose change should refresh this preview: the brief and the images it uses. */
  sources: string[];
}

/** Where the live-reload client script is served from, beside every deck. */
export const liveScriptPath = "/__briefing/live.js";

/** A fresh preview that has not been rendered yet. */
export function emptyPreview(file: string): Preview {
  const name = path.basename(file).replace(/\.ya?ml$/i, "");
  return { file, name, files: new Map(), problems: [], version: 0, sources: [path.resolve(file)] };
}

/**
 * Reads the brief again and renders it in memory. A valid brief replaces the deck and bumps the
 * version; an invalid one keeps the last good deck and records its problems. Returns whether
 * the deck changed.
 */
export async function refreshPreview(
  preview: Preview,
  look: LookSettings,
  inputs: RenderInputs = builtRenderInputs(),
  /** The earlier version to show what changed since, compared again on every save. */
  since?: string,
): Promise<boolean> {
  let loaded: Awaited<ReturnType<typeof loadBrief>>;
  try {
    loaded = await loadBrief(preview.file, look);
  } catch (error) {
    // The file is gone or unreadable for a moment (an editor saving by rename): say so and wait.
    preview.problems = [`${preview.file}: ${(error as Error).message}`];
    return false;
  }
  // An image the save made invalid (a link out, say) drops out of the brief's images; it is
  // still watched, so that putting it right is noticed.
  preview.sources = [
    ...new Set([
      path.resolve(preview.file),
      ...loaded.images.values(),
      ...(look.theme ? [path.resolve(look.theme)] : []),
      // An earlier file is watched too: its saves change the slide of changes.
      ...(since && !isGitSince(since) ? [path.resolve(since)] : []),
      ...(loaded.brief ? [] : preview.sources),
    ]),
  ];
  if (!loaded.brief) {
    preview.problems = loaded.problems.map((p: Problem) => formatProblem(p));
    return false;
  }
  let changes: BriefChanges | undefined;
  if (since) {
    try {
      const earlier = await loadEarlierBrief(since, preview.file, look);
      changes = compareBriefs(earlier.loaded.brief, loaded.brief);
    } catch (error) {
      if (!(error instanceof BriefingError)) throw error;
      // The earlier version is missing or broken: said as a save's problems are, until it is not.
      preview.problems = error.problems.length
        ? [error.message.split("\n")[0] as string, ...error.problems.map(formatProblem)]
        : [`${preview.file}: ${error.message}`];
      return false;
    }
  }
  let rendered: ReturnType<typeof renderBrief>;
  try {
    rendered = renderBrief(loaded.brief, loaded.name, look, { live: true, changes }, inputs);
  } catch (error) {
    // A template being edited may not compile; keep the last good deck until it does.
    preview.problems = [`${preview.file}: cannot render: ${(error as Error).message}`];
    return false;
  }
  preview.problems = [];
  preview.version++;
  preview.html = withLiveScript(rendered.html, preview.name, preview.version);
  preview.good = { loaded, deck: rendered.deck, changes };
  preview.files = servedFiles(loaded.images, loaded.dir, look.theme);
  return true;
}

/**
 * The deck's files as the server may hand them out: the brief's images only while they are
 * inside its folder (as validation demands), and every other file (reveal.js, the theme, the
 * fonts) only while it is inside the folder it came from.
 */
function servedFiles(
  images: Map<string, string>,
  briefFolder: string,
  theme?: string,
): Map<string, ServedFile> {
  const fromBrief = new Set(images.values());
  return new Map(
    deckFiles(images, theme).map(([from, to]) => [
      to,
      { file: from, within: fromBrief.has(from) ? briefFolder : path.dirname(from) },
    ]),
  );
}

/** Adds the reload client to a served page; built decks never carry it. */
export function withLiveScript(html: string, deck: string, version: number): string {
  const tag = liveScriptTag(deck, version);
  const at = html.lastIndexOf("</body>");
  return at === -1 ? html + tag : `${html.slice(0, at)}${tag}\n${html.slice(at)}`;
}

/** The script tag of the reload client for a deck at a version. */
function liveScriptTag(deck: string, version: number): string {
  const attribute = deck.replace(/[&"<>]/g, (c) => `&#${c.charCodeAt(0)};`);
  return `<script src="${liveScriptPath}" data-deck="${attribute}" data-version="${version}"></script>`;
}

/** The files of the templates, whose change re-renders every preview. */
export const templateFolders = [
  templatesDir,
  path.join(templatesDir, "partials"),
  path.join(templatesDir, "theme"),
];
