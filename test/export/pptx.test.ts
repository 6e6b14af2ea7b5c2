import { execFileSync } from "node:child_process";
import { copyFile, mkdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { build } from "../../src/build.js";
import { loadBrief } from "../../src/load/load-brief.js";
import { buildDeck } from "../../src/model/build-deck.js";
import type { NormalBrief } from "../../src/normalize/normal-brief.js";
import { startCli } from "../helpers/cli.js";
import { pdfPages } from "../helpers/pdf.js";
import { paragraphTexts, readPptx } from "../helpers/pptx.js";
import { tempDir } from "../helpers/temp.js";

const sample = "briefings/putin-kim-summit-2024.yaml";
let work: string;

beforeAll(async () => {
  work = await tempDir("pptx");
});

describe("build --pptx", () => {
  it("writes <name>.pptx beside the deck with no browser, the same bytes when built again", async () => {
    const out = path.join(work, "cli");
    // No browser can start: the PowerPoint file needs none.
    const env = { BRIEFING_BROWSER: "/nonexistent/chrome" };
    const args = ["build", sample, "--no-pdf", "--pptx", "--out", out];
    const first = await startCli(args, env).done;
    expect(first.stderr).toBe("");
    expect(first.status).toBe(0);
    const file = path.join(out, "putin-kim-summit-2024", "putin-kim-summit-2024.pptx");
    expect(first.stdout).toContain(file);
    const bytes = await readFile(file);
    expect((await startCli([...args, "--force"], env).done).status).toBe(0);
    expect(Buffer.compare(await readFile(file), bytes)).toBe(0);
    // Not asked for, it goes, and the line says which flag keeps it.
    const plain = await startCli(["build", sample, "--no-pdf", "--out", out], env).done;
    expect(plain.stdout).toContain(`removed ${file} (not asked for: --pptx keeps it)`);
  });

  it("is written for `pptx: true` in the config file", async () => {
    const folder = path.join(work, "config");
    await mkdir(folder);
    await copyFile(sample, path.join(folder, "sample.yaml"));
    await writeFile(path.join(folder, "briefing.config.yaml"), "pptx: true\nout: dist\n");
    const run = await startCli(["build", folder, "--no-pdf"]).done;
    expect(run.status).toBe(0);
    const bytes = await readFile(path.join(folder, "dist", "sample", "sample.pptx"));
    expect((await readPptx(bytes)).names).toContain("ppt/slides/slide1.xml");
  });

  it("carries the brief's images as the deck's folder holds them, each with its alt text", async () => {
    const folder = path.join(work, "images");
    await mkdir(path.join(folder, "photos"), { recursive: true });
    await copyFile("test/fixtures/valid/photos/dot.png", path.join(folder, "photos", "dot.png"));
    await copyFile("test/fixtures/valid/with-images.yaml", path.join(folder, "brief.yaml"));
    const [result] = await build([path.join(folder, "brief.yaml")], {
      outDir: path.join(folder, "dist"),
      pdf: false,
      pptx: true,
    });
    expect(result?.failure).toBeUndefined();
    const parts = await readPptx(await readFile(result?.pptx as string));
    const media = parts.names.filter((name) => name.startsWith("ppt/media/"));
    expect(media).toHaveLength(3);
    const alts = [...parts.xml.values()].flatMap((xml) =>
      [...xml.matchAll(/<p:pic>[\s\S]*?descr="([^"]*)"/g)].map(([, alt]) => alt),
    );
    expect(alts).toEqual([
      "A white dot on a blue square",
      "A white dot on a blue square, larger",
      "A white dot on a blue square",
    ]);
  });
});

describe("LibreOffice", () => {
  it("opens the sample's PowerPoint file: a page per slide, the banner on each, every title", async () => {
    const out = path.join(work, "libreoffice");
    const [result] = await build([sample], { outDir: out, pdf: false, pptx: true });
    const file = result?.pptx as string;
    const pdfFolder = path.join(out, "pdf");
    // A profile of its own, so that runs side by side do not wait for each other's lock; no
    // skipping when LibreOffice is missing: CI installs it (libreoffice-impress).
    const profile = path.join(out, "profile");
    execFileSync(
      "soffice",
      [
        `-env:UserInstallation=file://${profile}`,
        "--headless",
        "--convert-to",
        "pdf",
        "--outdir",
        pdfFolder,
        file,
      ],
      { stdio: "pipe", timeout: 120_000 },
    );
    const pages = pdfPages(path.join(pdfFolder, "putin-kim-summit-2024.pdf"));
    const loaded = await loadBrief(sample);
    const deck = buildDeck(loaded.brief as NormalBrief, loaded.name);
    expect(pages).toHaveLength(deck.slides.length);
    const flat = (text: string) => text.replace(/\s+/g, " ");
    deck.slides.forEach((slide, i) => {
      const page = flat(pages[i] as string);
      expect(page.match(/UNCLASSIFIED/g), `page ${i + 1}`).toHaveLength(2);
      expect(page, `page ${i + 1}`).toContain(flat(slide.title));
      // What the slides say of likelihoods and grades, as text LibreOffice lays out.
      if (slide.kind === "judgments") {
        for (const item of slide.items)
          expect(page).toContain(flat(item.likelihoodView?.text ?? ""));
      }
      if (slide.kind === "yardstick") {
        for (const band of slide.bands) expect(page).toContain(flat(band.rangeText));
        for (const level of slide.confidence) expect(page).toContain(flat(level.label));
      }
      if (slide.kind === "sources") {
        for (const source of slide.sources.filter((s) => s.grade)) {
          expect(page).toContain(`[${source.number}] ${source.grade}`);
        }
        expect(page).toContain(flat(slide.gradeKey?.reliability.name ?? "?"));
      }
    });
    await rm(profile, { recursive: true, force: true });
  }, 180_000);
});

describe("LibreOffice, a file built --since", () => {
  it("lays out the slide of what changed and the badges on what is new", async () => {
    const out = path.join(work, "libreoffice-since");
    const [result] = await build(["test/fixtures/since/later.yaml"], {
      outDir: out,
      pdf: false,
      pptx: true,
      since: "test/fixtures/since/earlier.yaml",
    });
    expect(result?.failure).toBeUndefined();
    const profile = path.join(out, "profile");
    const pdfFolder = path.join(out, "pdf");
    execFileSync(
      "soffice",
      [
        `-env:UserInstallation=file://${profile}`,
        "--headless",
        "--convert-to",
        "pdf",
        "--outdir",
        pdfFolder,
        result?.pptx as string,
      ],
      { stdio: "pipe", timeout: 120_000 },
    );
    const pages = pdfPages(path.join(pdfFolder, "later.pdf"));
    const parts = await readPptx(await readFile(result?.pptx as string));
    expect(pages).toHaveLength(
      parts.names.filter((n) => /^ppt\/slides\/slide\d+\.xml$/.test(n)).length,
    );
    const flat = pages.map((page) => page.replace(/\s+/g, " "));
    const changes = flat.findIndex((page) => page.includes("What changed since 12 June 2024"));
    expect(changes).toBeGreaterThan(-1);
    for (const tag of ["NEW EVENT", "JUDGMENT CHANGED", "JUDGMENT DROPPED", "NEW SOURCE"]) {
      expect(flat[changes]).toContain(tag);
    }
    // The overview and the new events' slides carry "New", a judgment "Changed".
    expect(flat.filter((page) => page.includes("NEW")).length).toBeGreaterThan(2);
    expect(flat.some((page) => page.includes("CHANGED") && page.includes("Likely"))).toBe(true);
    await rm(profile, { recursive: true, force: true });
  }, 180_000);
});

// Read back, the slides hold what the deck's slides hold (a check of the helper too).
it("reads paragraphs back as their runs joined", () => {
  expect(
    paragraphTexts("<a:p><a:r><a:t>A &amp; </a:t></a:r><a:r><a:t>B</a:t></a:r></a:p>"),
  ).toEqual(["A & B"]);
});
