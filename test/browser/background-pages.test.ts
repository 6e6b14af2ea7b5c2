import { execFileSync } from "node:child_process";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { build } from "../../src/build.js";
import { tempDir } from "../helpers/temp.js";

// Briefs built at once share one browser, a tab each: all but one tab are behind the others,
// hidden, and a hidden tab draws no frames. Nothing a build waits for may need one.

/** A folder of `count` briefs, each with a photo of its own, and where to build them. */
async function briefsWithPhotos(label: string, count: number) {
  const work = await tempDir(label);
  const briefs = path.join(work, "briefs");
  await mkdir(path.join(briefs, "photos"), { recursive: true });
  const fixture = await readFile("test/fixtures/valid/with-images.yaml", "utf8");
  const files: string[] = [];
  for (let i = 1; i <= count; i++) {
    const photo = `photos/photo-${i}.${i % 2 ? "jpg" : "png"}`;
    execFileSync("convert", [
      "-size",
      "320x240",
      `plasma:fractal`,
      "-seed",
      String(i),
      path.join(briefs, photo),
    ]);
    const file = path.join(briefs, `brief-${i}.yaml`);
    await writeFile(file, fixture.replaceAll("photos/dot.png", photo));
    files.push(file);
  }
  return { files, out: path.join(work, "dist") };
}

/** The images poppler finds in a PDF, one line each. */
function pdfImages(file: string): string[] {
  const out = execFileSync("pdfimages", ["-list", file], { encoding: "utf8" });
  return out.split("\n").slice(2).filter(Boolean);
}

describe("briefs with photos built at once", () => {
  for (const concurrency of [2, 4]) {
    it(`all build, at -j ${concurrency}, each well within the timeout, each PDF with its photo`, async () => {
      const { files, out } = await briefsWithPhotos(`photos-j${concurrency}`, 5);
      const started = Date.now();
      const results = await build(files, { outDir: out, pdf: true, concurrency, timeout: 15_000 });
      expect(Date.now() - started).toBeLessThan(30_000);
      for (const result of results) {
        expect(result.failure?.message).toBeUndefined();
        expect(result.warnings).toEqual([]);
        // The photo is on three slides: the event, the image section and the actor.
        expect(pdfImages(result.pdf as string).length).toBeGreaterThanOrEqual(3);
      }
    }, 45_000);
  }
});
