import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { copyFile, mkdir, readdir, readFile } from "node:fs/promises";
import path from "node:path";
import sharp from "sharp";
import { beforeAll, describe, expect, it } from "vitest";
import { BrowserSession } from "../../src/browser/session.js";
import { type BuildResult, build } from "../../src/build.js";
import { openPrintDocument, writePrintDocument } from "../../src/export/pdf.js";
import { drawPages, pictureName } from "../../src/export/png.js";
import { loadBrief } from "../../src/load/load-brief.js";
import type { NormalBrief } from "../../src/normalize/normal-brief.js";
import { renderBrief } from "../../src/render/render-brief.js";
import { writeBigBrief } from "../helpers/big-brief.js";
import { startCli } from "../helpers/cli.js";
import { pdfInfo } from "../helpers/pdf.js";
import { tempDir } from "../helpers/temp.js";
import { until } from "../helpers/until.js";

const sample = "briefings/putin-kim-summit-2024.yaml";
const name = "putin-kim-summit-2024";
let out: string;
let slides: string;
let pdf: string;
let pictures: string[];

beforeAll(async () => {
  out = await tempDir("png");
  const [result] = await build([sample], { outDir: out, pdf: true, png: true });
  expect(result?.problems).toEqual([]);
  expect(result?.failure).toBeUndefined();
  slides = result?.png as string;
  pdf = result?.pdf as string;
  pictures = await readdir(slides);
});

/** A PNG's width and height, from its header (IHDR comes first, after the signature). */
async function pngSize(file: string): Promise<{ width: number; height: number }> {
  const bytes = await readFile(file);
  expect(bytes.subarray(1, 4).toString("latin1")).toBe("PNG");
  expect(bytes.subarray(12, 16).toString("latin1")).toBe("IHDR");
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

/** A picture's grey pixels at 96 × 54, to compare pictures drawn by different renderers. */
async function thumbnail(file: string): Promise<Buffer> {
  return sharp(file).resize(96, 54, { fit: "fill" }).greyscale().raw().toBuffer();
}

function difference(a: Buffer, b: Buffer): number {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += Math.abs((a[i] as number) - (b[i] as number));
  return sum / a.length;
}

/** The PDF's pages as poppler draws them, at a quarter of the pictures' size, into `dir`. */
async function popplerPages(file: string, dir: string): Promise<string[]> {
  await mkdir(dir, { recursive: true });
  execFileSync("pdftoppm", ["-png", "-scale-to-x", "480", "-scale-to-y", "270", file, `${dir}/p`]);
  return (await readdir(dir)).sort().map((page) => path.join(dir, page));
}

/** Checks that the pictures in `slides` are the pages of `pdf`, in order. */
async function expectPdfPages(slides: string, pdf: string, work: string): Promise<void> {
  const drawn = await popplerPages(pdf, work);
  const pictures = (await readdir(slides)).sort();
  expect(drawn).toHaveLength(pictures.length);
  const theirs = await Promise.all(drawn.map(thumbnail));
  for (const [i, picture] of pictures.entries()) {
    const ours = await thumbnail(path.join(slides, picture));
    const distances = theirs.map((page) => difference(ours, page));
    // Two renderers of the same page differ only at the edges of letters (by 1 to 3 grey
    // levels in 255 here); two pages of the deck, by 3 and more.
    expect(distances[i], picture).toBeLessThan(3.5);
    expect(distances.indexOf(Math.min(...distances)), picture).toBe(i);
  }
}

describe("the slides' pictures", () => {
  it("are one per page of the PDF, named by the slide's number, each 1920 × 1080", async () => {
    const pages = Number(pdfInfo(pdf).Pages);
    expect(pages).toBeGreaterThan(10);
    expect(pictures.sort()).toEqual(
      Array.from({ length: pages }, (_, i) => `${String(i + 1).padStart(2, "0")}.png`),
    );
    for (const picture of pictures) {
      expect(await pngSize(path.join(slides, picture))).toEqual({ width: 1920, height: 1080 });
    }
  });

  it("are the PDF's pages: each is nearer its own page, as poppler draws it, than any other", async () => {
    await expectPdfPages(slides, pdf, path.join(out, "poppler"));
  });

  it("show the title slide, not a blank page", async () => {
    const { data, info } = await sharp(path.join(slides, "01.png"))
      .removeAlpha()
      .raw()
      .toBuffer({ resolveWithObject: true });
    let dark = 0;
    let coloured = 0;
    for (let i = 0; i < data.length; i += info.channels) {
      const [r, g, b] = [data[i] as number, data[i + 1] as number, data[i + 2] as number];
      if (r + g + b < 200) dark++;
      // The banner's green.
      if (g > r + 30 && g > b + 30) coloured++;
    }
    const pixels = info.width * info.height;
    // The title and subtitle in dark ink; the banners top and bottom, 3 % of the slide.
    expect(dark / pixels).toBeGreaterThan(0.01);
    expect(coloured / pixels).toBeGreaterThan(0.05);
  });

  it("are the same without the PDF, and again in a batch on the command line", async () => {
    const alone = await tempDir("png-alone");
    const [result] = await build([sample], { outDir: alone, pdf: false, png: true });
    expect(result?.failure).toBeUndefined();
    expect(result?.pdf).toBeUndefined();
    expect(await readdir(path.join(alone, name))).not.toContain(`${name}.pdf`);

    // Two briefs at once, each in its own page of one browser: they take turns to draw.
    const briefs = await tempDir("png-batch");
    await copyFile(sample, path.join(briefs, `${name}.yaml`));
    // Right to left, its slides overflow the browser's window to the left, not the right.
    await copyFile("test/fixtures/languages/ar.yaml", path.join(briefs, "ar.yaml"));
    const batch = path.join(briefs, "dist");
    const run = await startCli(["build", briefs, "--png", "-j", "2", "--out", batch]).done;
    expect(run.status).toBe(0);
    expect(run.stdout).toContain(path.join(batch, name, "slides"));
    const ar = path.join(batch, "ar");
    await expectPdfPages(path.join(ar, "slides"), path.join(ar, "ar.pdf"), `${ar}-poppler`);

    for (const picture of pictures) {
      const first = await readFile(path.join(slides, picture));
      expect(await readFile(path.join(alone, name, "slides", picture))).toEqual(first);
      expect(await readFile(path.join(batch, name, "slides", picture))).toEqual(first);
    }
  }, 180_000);

  it("go with the next build that is not asked for them, which says so", async () => {
    const work = await tempDir("png-removed");
    await copyFile(sample, path.join(work, "deck.yaml"));
    const dist = path.join(work, "dist");
    const deck = path.join(dist, "deck");
    await build([path.join(work, "deck.yaml")], { outDir: dist, pdf: false, png: true });
    expect((await readdir(path.join(deck, "slides"))).length).toBe(pictures.length);
    const run = await startCli(["build", path.join(work, "deck.yaml"), "--no-pdf", "--out", dist])
      .done;
    expect(run.status).toBe(0);
    expect(run.stdout).toContain(
      `; removed ${path.join(deck, "slides")} (not asked for: --png keeps it)`,
    );
    expect(await readdir(deck)).not.toContain("slides");
  }, 180_000);
});

describe("pictures drawn while the browser opens other pages", () => {
  it("are drawn: a new tab, which comes to the front, waits until they are", async () => {
    const { brief } = await loadBrief(sample);
    const { deck } = renderBrief(brief as NormalBrief, name, {});
    const folder = path.join(out, name);
    const print = await writePrintDocument({ deck, folder });
    const dir = path.join(out, "drawn-while-opening");
    await using session = new BrowserSession({});
    const done: string[] = [];
    await session.withPage({ folder }, async (page) => {
      await openPrintDocument(page, print);
      const drawing = drawPages(page, dir).then(() => done.push("drawn"));
      // Another brief of the batch opening a page for its handout, once the drawing is under
      // way: its tab would hide this one, which then draws nothing for as long as it is open.
      await until(() => existsSync(path.join(dir, "01.png")), "the first picture");
      const opening = session
        .withPage({ folder }, () => new Promise((held) => setTimeout(held, 1000)))
        .then(() => done.push("opened"));
      await Promise.all([drawing, opening]);
    });
    expect(done).toEqual(["drawn", "opened"]);
    for (const picture of pictures) {
      expect(await readFile(path.join(dir, picture))).toEqual(
        await readFile(path.join(slides, picture)),
      );
    }
  }, 120_000);
});

describe("pictures without the PDF", () => {
  it("look at the slides where they are drawn, as the PDF's build does, and warn as it does", async () => {
    const overflow = "test/fixtures/layout/overflow.yaml";
    const work = await tempDir("png-look");
    const [pictured] = await build([overflow], { outDir: work, pdf: false, png: true });
    const [printed] = await build([overflow], { outDir: work, pdf: true, force: true });
    const where = (result?: BuildResult) =>
      (result?.warnings ?? []).map((w) => [w.code, w.pos.line, w.pos.col]);
    expect(where(pictured).length).toBeGreaterThan(0);
    expect(where(pictured)).toEqual(where(printed));
  }, 180_000);
});

describe("the pictures of a deck of 100 slides or more", () => {
  it("are named with three digits", async () => {
    const work = await tempDir("png-big");
    const [result] = await build([await writeBigBrief(work, 92)], {
      outDir: path.join(work, "dist"),
      pdf: false,
      png: true,
    });
    expect(result?.failure).toBeUndefined();
    const names = (await readdir(result?.png as string)).sort();
    expect(names.length).toBeGreaterThanOrEqual(100);
    expect(names[0]).toBe("001.png");
    expect(names[99]).toBe("100.png");
    expect(names.every((file) => /^\d{3}\.png$/.test(file))).toBe(true);
  }, 180_000);

  it("have names as wide as the count, two digits at least", () => {
    expect(pictureName(0, 9)).toBe("01.png");
    expect(pictureName(9, 10)).toBe("10.png");
    expect(pictureName(0, 100)).toBe("001.png");
    expect(pictureName(999, 1000)).toBe("1000.png");
  });
});
