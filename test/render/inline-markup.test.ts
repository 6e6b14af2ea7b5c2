import { copyFile, mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { stringify } from "yaml";
import { build } from "../../src/build.js";
import { validateBrief } from "../../src/load/load-brief.js";
import type { Brief } from "../../src/load/schema.js";
import { buildDeck } from "../../src/model/build-deck.js";
import { buildHandout } from "../../src/model/handout.js";
import { deckOutline } from "../../src/model/outline.js";
import { renderDeck } from "../../src/render/render-deck.js";
import { loadTemplates } from "../../src/render/templates.js";
import { pdfLinks, pdfOutline, pdfPages } from "../helpers/pdf.js";
import { tempDir } from "../helpers/temp.js";

const bold = (word: string) =>
  `**${word}** and [a *link*](https://example.com/${word} "about ${word}")`;
const shown = (word: string) =>
  `<strong>${word}</strong> and <a href="https://example.com/${word}" title="about ${word}">a <em>link</em></a>`;

/** Markup in every field that takes it, each with its own word. */
const brief = {
  title: "**Title** stays plain",
  date: "2024-06-19",
  summary: [bold("summary"), "plain <b>tag</b> and 2 * 3 * 4"],
  timeline: {
    events: [{ date: "2024-06-18", title: "E", detail: bold("detail"), notes: bold("eventnotes") }],
  },
  sections: [
    { type: "points", title: "P", items: [bold("point")], notes: bold("sectionnotes") },
    { type: "watch", title: "W", items: [bold("watch")] },
    {
      type: "judgments",
      title: "J",
      items: [{ statement: bold("statement"), confidence: "high" }],
    },
    { type: "actors", title: "A", people: [{ name: "N", role: bold("role"), note: bold("note") }] },
    { type: "quote", text: bold("quote"), attribution: "Q" },
    { type: "image", src: "photos/dot.png", caption: bold("caption"), credit: bold("credit") },
  ],
};

async function validated(): Promise<Brief> {
  const loaded = await validateBrief("inline.yaml", stringify(brief));
  // The image is not there: only its file is missing.
  expect(loaded.problems.map((p) => p.code)).toEqual(["missing-file"]);
  return brief as Brief;
}

/** The HTML of one slide of the deck. */
function slide(html: string, id: string): string {
  const start = html.indexOf(`<section id="${id}"`);
  expect(start, id).toBeGreaterThanOrEqual(0);
  return html.slice(start, html.indexOf("</section>", start));
}

describe("inline markup in every text field", () => {
  it("shows bold, italic and titled links on the summary slide, not asterisks", async () => {
    const html = renderDeck(buildDeck(await validated(), "inline"));
    const summary = slide(html, "summary").split("<footer")[0] as string;
    expect(summary).toContain(`<li dir="auto">${shown("summary")}</li>`);
    expect(summary).not.toContain("**");
    // What is not markup stays as it was written, escaped.
    expect(summary).toContain('<li dir="auto">plain &lt;b&gt;tag&lt;/b&gt; and 2 * 3 * 4</li>');
  });

  it("renders the same markup in points, watch, judgments, actors, quotes, captions, credits and notes", async () => {
    const deck = buildDeck(await validated(), "inline");
    const html = renderDeck(deck);
    for (const [id, words] of [
      ["event-1", ["detail", "eventnotes"]],
      ["section-1", ["point", "sectionnotes"]],
      ["section-2", ["watch"]],
      ["section-3", ["statement"]],
      ["section-4", ["role", "note"]],
      ["section-5", ["quote"]],
      ["section-6", ["caption", "credit"]],
    ] as const) {
      for (const word of words) expect(slide(html, id), word).toContain(shown(word));
    }
    // The speaker notes carry it into reveal's speaker view.
    expect(slide(html, "section-1")).toContain(
      `<aside class="notes" dir="auto">${shown("sectionnotes")}</aside>`,
    );
    // The alt text, the PDF's bookmarks and the handout's contents are plain text.
    expect(slide(html, "section-6")).toContain('alt="caption and a link"');
    const titles = deckOutline(deck).map((entry) => entry.title);
    expect(titles).toContain("caption and a link");
    expect(titles).toContain("**Title** stays plain");
    expect(buildHandout(deck).contents.map((line) => line.title)).toContain("caption and a link");
  });

  it("renders the notes' markup in the handout", async () => {
    const deck = buildDeck(await validated(), "inline");
    const html = loadTemplates().template("handout.hbs")({ ...buildHandout(deck), policy: "" });
    expect(html).toContain(`<p dir="auto">${shown("sectionnotes")}</p>`);
  });
});

describe("inline markup in the PDF", () => {
  it("prints the text without its marks, links its links and bookmarks a caption as plain text", async () => {
    const dir = await tempDir("inline-pdf");
    await mkdir(path.join(dir, "photos"));
    await copyFile("test/fixtures/valid/photos/dot.png", path.join(dir, "photos", "dot.png"));
    const file = path.join(dir, "inline.yaml");
    await writeFile(file, stringify({ ...brief, title: "Markup" }));
    const [result] = await build([file], { outDir: path.join(dir, "out"), pdf: true });
    expect(result?.problems).toEqual([]);
    const pdf = result?.pdf as string;
    const pages = pdfPages(pdf);
    expect(pages[1]).toContain("summary and a link");
    expect(pages.join("")).not.toContain("**");
    expect((await pdfLinks(pdf))[1]).toContainEqual({ uri: "https://example.com/summary" });
    expect(pdfOutline(pdf).map((b) => b.title)).toContain("caption and a link");
  });
});
