import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import Handlebars from "handlebars";
import { staticFiles } from "../export/deck-files.js";
import { outputNames } from "../export/outputs.js";
import { countText } from "../labels/catalogue.js";
import type { Piece } from "../labels/phrase.js";
import type { Deck, Marking, Slide } from "../model/deck.js";
import { customThemePath } from "../render/render-deck.js";
import { templatesDir } from "../render/templates.js";
import { type OutputKind, outputLabels } from "./outputs.js";
import type { Preview } from "./preview.js";
import type { ServedFile } from "./served-file.js";

/**
 * The policy of the preview's own pages: the index and the page of a brief waiting to be valid.
 * Only the server's own files, no inline script or style but the style attributes that give
 * banners the config file's colours (`styles`, each allowed by its hash); the reload channel
 * to itself.
 */
export function pagePolicy(styles: readonly string[] = []): string {
  const hashes = [...new Set(styles)].map(
    (style) => `'sha256-${createHash("sha256").update(style).digest("base64")}'`,
  );
  return [
    "default-src 'none'",
    "script-src 'self'",
    `style-src ${["'self'", ...(hashes.length > 0 ? ["'unsafe-hashes'", ...hashes] : [])].join(" ")}`,
    "font-src 'self'",
    "img-src 'self'",
    "connect-src 'self'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/** One brief on the index: what it is, what is wrong with it, and what can be done with it. */
export interface BriefCard {
  name: string;
  href: string;
  file: string;
  /** From its last valid version; absent when it has never been valid. */
  deck?: {
    title: string;
    dateText: string;
    /** "As of …" in the brief's language. */
    asOf: Piece[];
    language: string;
    direction: "ltr" | "rtl";
    marking?: Marking;
    capitals: boolean;
  };
  /** "9 events" */
  events?: string;
  /** The title slide, drawn by the deck's own partials. */
  miniature?: { deck: Deck; slide: Slide; withoutNotes: true };
  problems: string[];
  /** Present and the downloads; none while the brief has problems. */
  links: { label: string; href: string; download?: boolean }[];
}

/** What the preview's own page shows: a list of briefs, or why a brief has no deck yet. */
export interface PageContent {
  title: string;
  briefs?: BriefCard[];
  problems?: string[];
  /** The project's theme, as served beside the built-in one. */
  customTheme?: string;
  /** The live-reload client, for a page that waits for its brief to become valid. */
  live?: { src: string; deck: string; version: number };
}

/** Renders the preview's own page from its content. */
export type PageTemplate = (content: PageContent) => string;

/**
 * The template of the preview's own page (the index of a folder, or a brief still waiting to be
 * valid), compiled from the files when first used; a new one reads them again (after an edit).
 */
export function loadPageTemplate(): PageTemplate {
  let page: HandlebarsTemplateDelegate | undefined;
  return (content) => {
    page ??= compilePage();
    return page(content);
  };
}

function compilePage(): HandlebarsTemplateDelegate {
  const env = Handlebars.create();
  // The index draws each brief's title slide with the deck's own partials, and those read the
  // deck from @root: this gives each miniature a root of its own.
  env.registerHelper(
    "asRoot",
    function (this: unknown, root: object, options: Handlebars.HelperOptions) {
      const data = Handlebars.createFrame(options.data);
      data.root = root;
      return options.fn(root, { data });
    },
  );
  for (const partial of ["slide", "title", "phrase"]) {
    const file = path.join(templatesDir, "partials", `${partial}.hbs`);
    env.registerPartial(partial, env.compile(readFileSync(file, "utf8"), { preventIndent: true }));
  }
  return env.compile(readFileSync(path.join(templatesDir, "serve", "index.hbs"), "utf8"));
}

/** A brief as the index shows it, from its preview. */
export function briefCard(preview: Preview): BriefCard {
  const base = `/${encodeURIComponent(preview.name)}/`;
  const card: BriefCard = {
    name: preview.name,
    href: base,
    file: path.basename(preview.file),
    problems: preview.problems,
    links: [],
  };
  const good = preview.good;
  if (!good) return card;
  const { deck } = good;
  card.deck = {
    title: deck.title,
    dateText: deck.dateText,
    asOf: deck.asOf,
    language: deck.language,
    direction: deck.direction,
    marking: deck.marking,
    capitals: deck.capitals,
  };
  const events = good.loaded.brief?.timeline.events.length ?? 0;
  card.events = countText(deck.labels.events, events, deck.language);
  const slide = deck.slides.find((s) => s.kind === "title");
  if (slide) card.miniature = { deck, slide, withoutNotes: true };
  if (preview.problems.length === 0) {
    const names = outputNames(preview.name);
    const labels = outputLabels(deck.labels);
    card.links = [
      { label: deck.labels.present, href: base },
      ...(Object.keys(labels) as OutputKind[]).map((kind) => ({
        label: labels[kind],
        href: base + encodeURIComponent(names[kind]),
        download: true,
      })),
    ];
  }
  return card;
}

/**
 * The files of the preview's own pages, by their path under /__briefing/: the theme and its
 * fonts (as every deck has them), the project's theme, and the index's stylesheet.
 */
export function pageFiles(theme?: string): Map<string, ServedFile> {
  const own = path.join(templatesDir, "serve", "index.css");
  const files: [string, string][] = [
    ...staticFiles().filter(([, to]) => /^(theme|fonts)\//.test(to)),
    ...(theme ? [[theme, customThemePath] as [string, string]] : []),
    [own, "index.css"],
  ];
  return new Map(files.map(([from, to]) => [to, { file: from, within: path.dirname(from) }]));
}
