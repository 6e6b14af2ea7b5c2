import { readFileSync } from "node:fs";
import path from "node:path";
import Handlebars from "handlebars";
import { templatesDir } from "../render/templates.js";

const env = Handlebars.create();
let page: HandlebarsTemplateDelegate | undefined;

/** What the preview's own page shows: a list of briefs, or why a brief has no deck yet. */
export interface PageContent {
  title: string;
  briefs?: { name: string; href: string }[];
  problems?: string[];
  /** The live-reload client, for a page that waits for its brief to become valid. */
  live?: { src: string; deck: string; version: number };
}

/** The preview's own page (the index of a folder, or a brief still waiting to be valid). */
export function renderPage(content: PageContent): string {
  page ??= env.compile(readFileSync(path.join(templatesDir, "serve", "index.hbs"), "utf8"));
  return page(content);
}
