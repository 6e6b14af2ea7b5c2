import { copyFile, readdir, readFile, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import sharp from "sharp";
import { beforeAll, describe, expect, it } from "vitest";
import { imageBoxes } from "../../src/export/scale-images.js";
import { startCli } from "../helpers/cli.js";
import { tempDir } from "../helpers/temp.js";

/**
 * A 4000 × 3000 camera photo: smooth shapes with grain over them, so that it compresses as a
 * photo does (about 4.7 MB at quality 92), with a GPS position in its EXIF.
 */
async function photo(file: string, seed: number, orientation = 1): Promise<void> {
  const shapes = { width: 200, height: 150, channels: 3 as const };
  const pixels = await sharp({
    create: { ...shapes, background: "#808080", noise: { type: "gaussian", mean: 128, sigma: 70 } },
  })
    .resize(4000, 3000, { kernel: "cubic" })
    .raw()
    .toBuffer();
  let state = seed * 2654435761;
  for (let i = 0; i < pixels.length; i++) {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    pixels[i] = Math.max(0, Math.min(255, (pixels[i] as number) + ((state & 31) - 16)));
  }
  await sharp(pixels, { raw: { width: 4000, height: 3000, channels: 3 } })
    .jpeg({ quality: 92 })
    .withMetadata({ orientation })
    .withExif({ IFD3: { GPSLatitudeRef: "N", GPSLatitude: "39/1 1/1 10/1" } })
    .toFile(file);
}

const brief = (sections: string) =>
  `title: Photos\ndate: 2024-06-19\ntimeline:\n  events:\n    - {date: 2024-06-18, title: Arrival}\nsections:\n${sections}`;

const picture = (src: string) => `  - {type: image, src: ${src}, alt: A test photo}\n`;

async function build(work: string, name: string, ...flags: string[]) {
  const out = path.join(work, "dist");
  const run = await startCli(["build", path.join(work, `${name}.yaml`), "--out", out, ...flags], {
    XDG_CACHE_HOME: path.join(work, "cache"),
  }).done;
  return { ...run, deck: path.join(out, name) };
}

const bytes = async (file: string) => (await stat(file)).size;

describe("images scaled for their slides", () => {
  let work: string;
  beforeAll(async () => {
    work = await tempDir("scale-images");
    await Promise.all([
      photo(path.join(work, "one.jpg"), 1),
      photo(path.join(work, "two.jpg"), 2),
      photo(path.join(work, "three.jpg"), 3, 6),
    ]);
  }, 120_000);

  it("three 12-megapixel photos make a PDF, a handout and a single file for email", async () => {
    const original = await bytes(path.join(work, "one.jpg"));
    expect(original).toBeGreaterThan(3_500_000);
    await writeFile(
      path.join(work, "photos.yaml"),
      brief(["one.jpg", "two.jpg", "three.jpg"].map(picture).join("")),
    );
    const run = await build(work, "photos", "--handout", "--single-file");
    expect(run.stderr).not.toContain("warning");
    expect(run.status).toBe(0);
    expect(await bytes(path.join(run.deck, "photos.pdf"))).toBeLessThan(1_500_000);
    expect(await bytes(path.join(run.deck, "photos-handout.pdf"))).toBeLessThan(1_500_000);
    expect(await bytes(path.join(run.deck, "photos.html"))).toBeLessThan(2_000_000);
    // Twice the picture's box (1136 × 520 CSS pixels) at most; the third turned upright.
    const sizes = await Promise.all(
      ["one.jpg", "three.jpg"].map((f) => sharp(path.join(run.deck, "assets", f)).metadata()),
    );
    expect(sizes.map((m) => [m.width, m.height, m.format])).toEqual([
      [1387, 1040, "jpeg"],
      [780, 1040, "jpeg"],
    ]);
    for (const meta of sizes) {
      expect(meta.exif).toBeUndefined();
      expect(meta.orientation).toBeUndefined();
    }
    const pdf = await readFile(path.join(run.deck, "photos.pdf"));
    expect(pdf.includes("Exif\0\0")).toBe(false);
    const single = await readFile(path.join(run.deck, "photos.html"), "utf8");
    for (const [, data] of single.matchAll(/src="data:image\/jpeg;base64,([^"]+)"/g)) {
      expect(Buffer.from(data as string, "base64").includes("Exif\0\0")).toBe(false);
    }
  }, 180_000);

  it("makes an actor's portrait only as large as its round box, and keeps small images as they are", async () => {
    await copyFile("test/fixtures/valid/photos/dot.png", path.join(work, "dot.png"));
    await writeFile(
      path.join(work, "people.yaml"),
      `${brief(picture("dot.png"))}  - type: actors\n    title: Who\n    people:\n      - {name: Kim, role: Host, image: two.jpg, alt: A test photo}\n`,
    );
    const run = await build(work, "people", "--no-pdf");
    expect(run.status).toBe(0);
    const portrait = await sharp(path.join(run.deck, "assets", "two.jpg")).metadata();
    // It fills a 72 × 72 circle: its shorter side is twice that.
    expect([portrait.width, portrait.height]).toEqual([192, 144]);
    const dot = await readFile(path.join(run.deck, "assets", "dot.png"));
    expect(dot.equals(await readFile(path.join(work, "dot.png")))).toBe(true);
  }, 60_000);

  it("keeps a PNG a PNG: its transparency, and a diagram's few colours", async () => {
    const canvas = { width: 3000, height: 2000 };
    const box = {
      input: { create: { width: 1000, height: 800, channels: 3 as const, background: "#1d3557" } },
      left: 300,
      top: 300,
    };
    await sharp({ create: { ...canvas, channels: 4, background: "#fff0" } })
      .composite([box])
      .png()
      .toFile(path.join(work, "clear.png"));
    await sharp({ create: { ...canvas, channels: 3, background: "#fff" } })
      .composite([box])
      .png({ palette: true, colours: 8 })
      .toFile(path.join(work, "diagram.png"));
    await writeFile(
      path.join(work, "pngs.yaml"),
      brief(picture("clear.png") + picture("diagram.png")),
    );
    const run = await build(work, "pngs", "--no-pdf");
    expect(run.status).toBe(0);
    const [clear, diagram] = await Promise.all(
      ["clear.png", "diagram.png"].map((f) => sharp(path.join(run.deck, "assets", f)).metadata()),
    );
    expect([clear?.format, clear?.width, clear?.height, clear?.hasAlpha]).toEqual([
      "png",
      1560,
      1040,
      true,
    ]);
    expect([diagram?.format, diagram?.width, diagram?.isPalette]).toEqual(["png", 1560, true]);
    expect(await bytes(path.join(run.deck, "assets", "diagram.png"))).toBeLessThan(
      await bytes(path.join(work, "diagram.png")),
    );
  }, 60_000);

  it("takes a scaled copy from the cache on a rebuild instead of scaling again", async () => {
    await writeFile(path.join(work, "cached.yaml"), brief(picture("one.jpg")));
    const first = await build(work, "cached", "--no-pdf");
    expect(first.status).toBe(0);
    const cache = path.join(work, "cache", "briefing", "images");
    const made = await readFile(path.join(first.deck, "assets", "one.jpg"));
    const copies: string[] = [];
    for (const entry of await readdir(cache)) {
      if ((await readFile(path.join(cache, entry))).equals(made)) copies.push(entry);
    }
    expect(copies.length).toBe(1);
    // A different picture in its place: a rebuild that scaled again would not carry it.
    const marker = await sharp({
      create: { width: 8, height: 6, channels: 3, background: "#c00" },
    })
      .jpeg()
      .toBuffer();
    await writeFile(path.join(cache, copies[0] as string), marker);
    const again = await build(work, "cached", "--no-pdf", "--force");
    expect(again.status).toBe(0);
    expect((await readFile(path.join(again.deck, "assets", "one.jpg"))).equals(marker)).toBe(true);
  }, 60_000);

  it("warns about a truncated photo at its line, and still builds", async () => {
    const whole = await readFile(path.join(work, "two.jpg"));
    await writeFile(path.join(work, "cut.jpg"), whole.subarray(0, whole.length / 2));
    await writeFile(path.join(work, "cut.yaml"), brief(picture("cut.jpg")));
    const run = await build(work, "cut", "--single-file");
    expect(run.status).toBe(0);
    expect(run.stderr).toMatch(/cut\.yaml:7:\d+: warning: the image "cut\.jpg" cannot be read/);
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(await bytes(path.join(run.deck, "cut.pdf"))).toBeGreaterThan(0);
    expect(await bytes(path.join(run.deck, "cut.html"))).toBeGreaterThan(0);
  }, 60_000);

  it("warns once about a file that is no image: as `check` does where the browser looked", async () => {
    const brief = "test/fixtures/layout/broken-image.yaml";
    const out = path.join(work, "dist");
    const env = { XDG_CACHE_HOME: path.join(work, "cache") };
    const printed = await startCli(["build", brief, "--out", out], env).done;
    expect(printed.status).toBe(0);
    expect(printed.stderr.match(/warning: .*photos\/broken\.png.*/g)).toEqual([
      expect.stringContaining("does not load"),
    ]);
    const htmlOnly = await startCli(["build", brief, "--out", out, "--no-pdf"], env).done;
    expect(htmlOnly.status).toBe(0);
    expect(htmlOnly.stderr).toMatch(
      /broken-image\.yaml:9:10: warning: the image "photos\/broken\.png" cannot be read/,
    );
  }, 60_000);

  it("scales to the boxes the theme gives images", async () => {
    const css = await readFile("templates/theme/theme.css", "utf8");
    const rule = (selector: string) =>
      new RegExp(`${selector.replace(/\./g, "\\.")} \\{([^}]*)\\}`).exec(css)?.[1] ?? "";
    const px = (block: string, property: string) =>
      Number(new RegExp(`(?:^|[^-])${property}: (\\d+)px`).exec(block)?.[1]);
    expect(px(rule(".reveal .event__image"), "width")).toBe(imageBoxes.event.width);
    expect(px(rule(".reveal .event__image img"), "max-height")).toBe(imageBoxes.event.height);
    expect(px(rule(".reveal .actor__image"), "width")).toBe(imageBoxes.actor.width);
    expect(px(rule(".reveal .actor__image"), "height")).toBe(imageBoxes.actor.height);
    expect(rule(".reveal .actor__image")).toContain("object-fit: cover");
    expect(px(rule(".reveal .picture__image"), "max-height")).toBe(imageBoxes.picture.height);
    const side = Number(/--side: (\d+)px/.exec(css)?.[1]);
    expect(1280 - 2 * side).toBe(imageBoxes.picture.width);
  });
});
