import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { cp, readdir, readFile } from "node:fs/promises";
import path from "node:path";
import type { Browser } from "puppeteer";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadBrief } from "../../src/load/load-brief.js";
import type { Brief } from "../../src/load/schema.js";
import { openDeck, startBrowser } from "../helpers/browser.js";
import { startCli } from "../helpers/cli.js";
import { overflowingSlides, overviewProblems } from "../helpers/layout.js";
import { pdfInfo, pdfPages } from "../helpers/pdf.js";
import { tempDir } from "../helpers/temp.js";
import { writeIncidentLog, writePressReview } from "./generated-briefs.js";

// Briefs written the way users write them (from the README and `briefing new` only), built as one
// batch at the default concurrency by the real command, and held to what the sample is held to.

const corpus = path.resolve("test/corpus");
// A hang must fail the test, not the suite's timeout: the CLI's own limit, then ours.
const cliTimeout = 60;

let folder: string;
let out: string;
let names: string[];
let briefs: Map<string, Brief>;
let buildRun: { status: number | null; stdout: string; stderr: string; seconds: number };
let browser: Browser;

// If the command ignores its own --timeout, stop it ourselves a little later (SIGTERM: the tool
// cleans up after itself), so the run still ends and its output can be asserted.
async function run(args: string[]) {
  const started = Date.now();
  const cli = startCli(args);
  const guard = setTimeout(() => cli.child.kill("SIGTERM"), (cliTimeout + 30) * 1000);
  const result = await cli.done.finally(() => clearTimeout(guard));
  return { ...result, seconds: (Date.now() - started) / 1000 };
}

beforeAll(async () => {
  const root = await tempDir("corpus");
  folder = path.join(root, "briefs");
  out = path.join(root, "out");
  await cp(corpus, folder, {
    recursive: true,
    filter: (source) => !source.endsWith(".ts"),
  });
  await writeIncidentLog(folder);
  await writePressReview(folder);
  names = (await readdir(folder)).filter((f) => /\.ya?ml$/.test(f)).sort();
  briefs = new Map();
  for (const name of names) {
    const loaded = await loadBrief(path.join(folder, name));
    if (loaded.brief) briefs.set(name, loaded.brief.written);
  }
  // --strict: the build looks at every slide as `check` does (the same checks, the same lines;
  // see test/build-strict.test.ts) and fails on any warning.
  buildRun = await run([
    "build",
    folder,
    "--out",
    out,
    "--strict",
    "--timeout",
    String(cliTimeout),
  ]);
  console.info(`corpus: ${names.length} briefs built in ${buildRun.seconds.toFixed(1)} s`);
  browser = await startBrowser();
}, 300_000);

afterAll(async () => {
  await browser?.close();
});

const stem = (name: string) => name.replace(/\.ya?ml$/, "");
const deckOf = (name: string) => path.join(out, stem(name), "index.html");
const pdfOf = (name: string) => path.join(out, stem(name), `${stem(name)}.pdf`);
// Headings wrap and pdftotext breaks lines where they wrapped, with no space in scripts that
// use none: compare with every space taken out.
const squeeze = (text: string) => text.replace(/\s+/g, "");

function decode(html: string): string {
  return html
    .replace(/<[^>]+>/g, "")
    .replace(/&#x([0-9a-f]+);/gi, (_, hex) => String.fromCodePoint(Number.parseInt(hex, 16)))
    .replace(/&#(\d+);/g, (_, dec) => String.fromCodePoint(Number(dec)))
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&apos;/g, "'")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");
}

// pdftotext -raw gives right-to-left words in the order they are drawn; without -raw it puts
// them back in reading order, between bidi embedding marks.
function logicalText(file: string): string {
  return execFileSync("pdftotext", ["-enc", "UTF-8", file, "-"], { encoding: "utf8" }).replace(
    /[\u202a-\u202e]/g,
    "",
  );
}

// Two things poppler's reading of right-to-left text gets wrong that the PDF has right (a plain
// Chromium print of the same words reads back the same way, and the PDF's ActualText has them
// in order): the letters of a ligature, one glyph for two letters, come back swapped (الملاحة
// as المالحة, مؤشرات as مؤرشات), and paired brackets come back mirrored. Compare right-to-left
// words with both evened out: the letters of each word in a fixed order, and no brackets.
function rightToLeftReading(text: string): string {
  return text
    .replace(/[()«»]/g, "")
    .replace(/[\u0590-\u08ff]+/g, (word) => [...word].sort().join(""));
}

async function slidesOf(name: string): Promise<{ count: number; titles: string[] }> {
  const html = await readFile(deckOf(name), "utf8");
  const count = (html.match(/<section id="[^"]+" class="slide /g) ?? []).length;
  const titles = [
    ...html.matchAll(/<h([12]) class="(?:heading|cover__title)[^"]*">([\s\S]*?)<\/h\1>/g),
  ]
    .map((m) => decode(m[2] as string).trim())
    .filter(Boolean);
  return { count, titles };
}

describe("the corpus", () => {
  it("covers the scripts, photos, file names and sizes it is meant to", async () => {
    const all = [...briefs.values()];
    const languages = new Set(all.map((b) => b.language?.split("-")[0]));
    for (const language of ["ko", "ja", "zh", "ru", "ar", "hi", "th", "en"])
      expect(languages).toContain(language);
    expect(names.length).toBeGreaterThanOrEqual(14);
    expect(names.some((n) => n.includes(" "))).toBe(true);
    expect(names.some((n) => n.includes("#"))).toBe(true);
    expect(names).toContain("평양 회담 #2.yaml");
    const photos = await readdir(path.join(folder, "photos"));
    for (const ext of [".jpg", ".png", ".webp"])
      expect(photos.some((p) => p.endsWith(ext))).toBe(true);
    const counts = all.map((b) => ({
      events: b.timeline.events.length,
      categories: Object.keys(b.timeline.categories ?? {}).length,
      sources: b.sources?.length ?? 0,
    }));
    expect(Math.max(...counts.map((c) => c.events))).toBeGreaterThanOrEqual(2000);
    expect(Math.max(...counts.map((c) => c.categories))).toBeGreaterThanOrEqual(60);
    expect(Math.max(...counts.map((c) => c.sources))).toBeGreaterThanOrEqual(150);
    const text = JSON.stringify(all);
    expect(text).toMatch(/\p{Extended_Pictographic}/u);
    // Every date precision the README allows, and every kind of rough date.
    const dates = all.flatMap((b) => b.timeline.events.map((e) => String(e.date)));
    expect(dates.some((d) => /^\d{4}$/.test(d))).toBe(true);
    expect(dates.some((d) => /^\d{4}-\d\d$/.test(d))).toBe(true);
    expect(dates.some((d) => /^\d{4}-\d\d-\d\d$/.test(d))).toBe(true);
    expect(dates.some((d) => /T\d\d:\d\dZ$/.test(d))).toBe(true);
    expect(dates.some((d) => /T\d\d:\d\d[+-]\d\d:\d\d$/.test(d))).toBe(true);
    const approx = new Set(all.flatMap((b) => b.timeline.events.map((e) => e.approx)));
    for (const a of ["early", "mid", "late", "circa"]) expect(approx).toContain(a);
  });

  it("builds as one batch, at the default concurrency, with exit status 0 and no warning", () => {
    // Everything it printed but the notice that Chromium runs without its sandbox as root.
    const printed = buildRun.stderr
      .split("\n")
      .filter((line) => line.trim() && !/running as root/.test(line));
    // Every brief built, and the batch's closing count says so.
    const count = `${names.length} briefs built, 0 unchanged, 0 invalid, 0 failed`;
    expect(printed).toEqual([count]);
    expect(buildRun.status).toBe(0);
  });
});

describe.each([
  "평양 회담 #2.yaml",
  "日米首脳会談 2024.yaml",
  "台海局势 简报.yaml",
  "черноморский флот.yaml",
  "البحر الأحمر الحوثيون.yaml",
  "भारत-पाकिस्तान संकट 2025.yaml",
  "การเมืองไทย 2567.yaml",
  "lazarus #bybit heist.yaml",
  "kursk incursion telegram watch.yaml",
  "camp david trilateral (en-US).yaml",
  "asean chair 2025 – myanmar & south china sea.yaml",
  "south china sea tracker – 62 vessels.yaml",
  "dmz incident log (2,000 events).yaml",
  "북한 미사일 보도 모음 (출처 160건).yaml",
])("%s", (name) => {
  it("has its PDF, one page per slide, with every slide title in its text", async () => {
    expect(existsSync(pdfOf(name)), `${pdfOf(name)} was not written`).toBe(true);
    const { count, titles } = await slidesOf(name);
    expect(Number(pdfInfo(pdfOf(name)).Pages)).toBe(count);
    const raw = `${pdfPages(pdfOf(name)).join("\n")}\n${logicalText(pdfOf(name))}`;
    const text = squeeze(raw);
    // Evened out before the spaces go, so that a run of lams and alefs stays within its word.
    const read = squeeze(rightToLeftReading(raw));
    // pdftotext also lays a heading's right-to-left words and its left-to-right "(1/2)" out
    // as lines of their own, far apart: such a title counts when each of its words is there.
    const found = (title: string) =>
      text.includes(squeeze(title)) ||
      read.includes(squeeze(rightToLeftReading(title))) ||
      (/[\u0590-\u08ff]/.test(title) &&
        title.split(/\s+/).every((word) => read.includes(rightToLeftReading(word))));
    const missing = titles.filter((title) => !found(title));
    expect(missing).toEqual([]);
  });

  it("gets no warning from `build --strict`: nothing overflows, every image loads, every character draws", () => {
    const mine = buildRun.stderr
      .split("\n")
      .filter((line) => line.includes(`${path.sep}${name}:`) && line.includes(": warning: "));
    expect(mine).toEqual([]);
  });

  it("lays out with no label overlapping another and nothing off its slide", async () => {
    await openDeck(
      browser,
      deckOf(name),
      async (page) => {
        expect(await overviewProblems(page)).toEqual([]);
        expect(await overflowingSlides(page)).toEqual([]);
      },
      { print: true },
    );
  }, 120_000);
});
