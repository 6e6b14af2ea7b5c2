import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import sharp from "sharp";
import { beforeAll, describe, expect, it } from "vitest";
import type { BuildOptions } from "../../src/build.js";
import { type BuildResult, build } from "../../src/build.js";
import type { OwnMarkings } from "../../src/model/marking.js";
import { openDeck, startBrowser } from "../helpers/browser.js";
import { pdfPages } from "../helpers/pdf.js";
import {
  distance,
  lineOf,
  type PdfWord,
  pdfPicture,
  pdfWords,
  type Rgb,
  rgb,
  wordColours,
} from "../helpers/pdf-pixels.js";
import { tempDir } from "../helpers/temp.js";

// Each marking, its banner as the PDF's text has it, and the colours it must be drawn in: the
// owners' (the US's, FIRST's) or, for the rest, the theme's slate.
const builtIn: [string, string, string, string][] = [
  ["UNCLASSIFIED", "UNCLASSIFIED", "#007a33", "#ffffff"],
  ["CUI", "CUI", "#502b85", "#ffffff"],
  ["CONFIDENTIAL", "CONFIDENTIAL", "#0033a0", "#ffffff"],
  ["SECRET//NOFORN", "SECRET//NOFORN", "#c8102e", "#ffffff"],
  ["TOP SECRET", "TOP SECRET", "#ff8c00", "#000000"],
  ["TOP SECRET//SCI//NOFORN", "TOP SECRET//SCI//NOFORN", "#fce83a", "#000000"],
  ["TLP:CLEAR", "TLP:CLEAR", "#000000", "#ffffff"],
  ["TLP:GREEN", "TLP:GREEN", "#000000", "#33ff00"],
  ["TLP:AMBER", "TLP:AMBER", "#000000", "#ffc000"],
  ["tlp:amber+strict", "TLP:AMBER+STRICT", "#000000", "#ffc000"],
  ["TLP:RED", "TLP:RED", "#000000", "#ff2b2b"],
  ["OFFICIAL-SENSITIVE", "OFFICIAL-SENSITIVE", "#434c5a", "#ffffff"],
  ["Internal use", "INTERNAL USE", "#434c5a", "#ffffff"],
  ["2급비밀", "2급비밀", "#c8102e", "#ffffff"],
];

/** A brief of two slides and an overview under `classification`. */
function brief(classification: string): string {
  return [
    "title: Banner test",
    "date: 2024-06-19",
    `classification: ${JSON.stringify(classification)}`,
    "summary:",
    "  - One point.",
    "timeline:",
    "  events:",
    "    - { date: 2024-06-01, title: An event }",
    "",
  ].join("\n");
}

async function buildAll(
  label: string,
  markings: string[],
  options: Partial<BuildOptions> = {},
): Promise<Map<string, BuildResult>> {
  const dir = await tempDir(label);
  const files = await Promise.all(
    markings.map(async (marking, i) => {
      const file = path.join(dir, `b${i}.yaml`);
      await writeFile(file, brief(marking));
      return file;
    }),
  );
  const results = await build(files, { outDir: path.join(dir, "out"), pdf: true, ...options });
  for (const result of results) expect(result.problems).toEqual([]);
  return new Map(markings.map((marking, i) => [marking, results[i] as BuildResult]));
}

/**
 * The banner along the top of page 1 (of a slide: its 30 px, 22.5 pt; of a handout: its
 * margin's first line), and the colours it is drawn in.
 */
function topBanner(pdf: string, bottom = 22.5): { word: PdfWord; background: Rgb; ink: Rgb } {
  const word = bannerText(pdf, bottom);
  return { word, ...wordColours(pdfPicture(pdf), word) };
}

/** The box of the text of the banner along the top of page 1. */
function bannerText(pdf: string, bottom = 22.5): PdfWord {
  const word = lineOf(pdfWords(pdf), 0, bottom);
  if (!word) throw new Error(`no banner at the top of ${pdf}`);
  return word;
}

/** Within print's rounding of colours: Chrome writes #ffc000 as #ffbf00. */
function expectColour(what: string, measured: Rgb, hex: string) {
  expect([what, distance(measured, rgb(hex)) <= 4 ? hex : measured]).toEqual([what, hex]);
}

// poppler's word box runs from the font's ascender to its descender: 1.424 em for Source
// Sans 3 (1024 and −400 of 1000 units), the banner's font.
const boxPerPoint = 1.424;

describe("banners in their owners' colours, measured from the printed page", () => {
  let decks: Map<string, BuildResult>;

  beforeAll(async () => {
    decks = await buildAll(
      "markings",
      builtIn.map(([marking]) => marking),
    );
  }, 240_000);

  it("draws each family's banner in its colours", () => {
    for (const [marking, shown, background, ink] of builtIn) {
      const pdf = decks.get(marking)?.pdf as string;
      // Top and bottom, as written, in capitals.
      expect([marking, pdfPages(pdf)[0]?.split(shown).length]).toEqual([marking, 3]);
      const measured = topBanner(pdf);
      expectColour(`${marking} background`, measured.background, background);
      expectColour(`${marking} ink`, measured.ink, ink);
    }
  });

  it("sets a TLP label at 12 pt or more, in FIRST's capitals", () => {
    for (const [marking] of builtIn.filter(([m]) => /^tlp/i.test(m))) {
      const word = bannerText(decks.get(marking)?.pdf as string);
      const size = (word.yMax - word.yMin) / boxPerPoint;
      expect([marking, size >= 11.99]).toEqual([marking, true]);
    }
    // A US banner keeps its quieter size.
    const word = bannerText(decks.get("UNCLASSIFIED")?.pdf as string);
    expect((word.yMax - word.yMin) / boxPerPoint).toBeCloseTo(11.25, 1);
  });
});

describe("the project's own banner colours", () => {
  let decks: Map<string, BuildResult>;
  // The config file's colours for TLP:AMBER, and for SECRET by its level's name (black reads
  // better than white on #00ff00); no entry for UNCLASSIFIED: the theme's.
  const own: [string, string, string][] = [
    ["TLP:AMBER", "#222222", "#ffc000"],
    ["SECRET//NOFORN", "#00ff00", "#000000"],
    ["UNCLASSIFIED", "#123456", "#fedcba"],
  ];

  beforeAll(async () => {
    const dir = await tempDir("markings-theme");
    const theme = path.join(dir, "house.css");
    await writeFile(theme, ":root { --banner: #123456; --banner-ink: #fedcba; }\n");
    decks = await buildAll("markings-own", ["TLP:AMBER", "SECRET//NOFORN", "UNCLASSIFIED"], {
      handout: true,
      singleFile: true,
      theme,
      markings: {
        "TLP:AMBER": { background: "#222222", color: "#ffc000" },
        // By its level's name: every SECRET marking, given a background only.
        SECRET: { background: "#00ff00" },
      },
    });
  }, 240_000);

  it("wins over the built-in colours, from the config file by marking or level, or the theme", () => {
    for (const [marking, background, ink] of own) {
      const measured = topBanner(decks.get(marking)?.pdf as string);
      expectColour(`${marking} background`, measured.background, background);
      expectColour(`${marking} ink`, measured.ink, ink);
    }
  });

  it("colours the handout's margins as the slides, a TLP label there at 12 pt too", () => {
    for (const [marking, background, ink] of own) {
      // The margin's banner is the page's first line, above the title and the sheet.
      const { word, ...measured } = topBanner(decks.get(marking)?.handout as string, 34);
      expectColour(`${marking} margin background`, measured.background, background);
      expectColour(`${marking} margin ink`, measured.ink, ink);
      if (marking.startsWith("TLP")) {
        expect((word.yMax - word.yMin) / boxPerPoint).toBeGreaterThanOrEqual(11.99);
      }
    }
  });

  it("draws the deck and the one-file deck in the same colours, in the browser", async () => {
    const browser = await startBrowser();
    try {
      for (const [marking, background, ink] of own) {
        const result = decks.get(marking) as BuildResult;
        for (const file of [result.html, result.singleFile] as string[]) {
          const measured = await openDeck(browser, file, async (page) => {
            // The top banner, where its letters are not: its left end.
            const corner = await page.screenshot({ clip: { x: 0, y: 0, width: 8, height: 30 } });
            const ink = await page.$eval(".present .banner--top", (b) => getComputedStyle(b).color);
            return { corner, ink };
          });
          const { data } = await sharp(measured.corner).raw().toBuffer({ resolveWithObject: true });
          const pixel: Rgb = [
            data[4 * 8 * 15] ?? 0,
            data[4 * 8 * 15 + 1] ?? 0,
            data[4 * 8 * 15 + 2] ?? 0,
          ];
          expectColour(`${marking} ${path.basename(file)} background`, pixel, background);
          expect(measured.ink).toBe(`rgb(${rgb(ink).join(", ")})`);
        }
      }
    } finally {
      await browser.close();
    }
  });
});

describe("the build's record of its inputs", () => {
  it("counts the config file's markings: a change rebuilds the decks it colours", async () => {
    const dir = await tempDir("markings-rebuild");
    const file = path.join(dir, "b.yaml");
    await writeFile(file, brief("TLP:RED"));
    const options = { outDir: path.join(dir, "out"), pdf: false };
    const red = { "TLP:RED": { color: "#ff0000" } };
    const once = async (markings: OwnMarkings) =>
      (await build([file], { ...options, markings }))[0] as BuildResult;
    expect((await once(red)).skipped).toBeUndefined();
    expect((await once(red)).skipped).toBe(true);
    const changed = await once({ "TLP:RED": { color: "#ff2b2b" } });
    expect(changed.skipped).toBeUndefined();
    expect(await readFile(changed.html as string, "utf8")).toContain("--banner-ink: #ff2b2b");
  });
});
