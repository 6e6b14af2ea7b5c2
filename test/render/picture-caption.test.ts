import { writeFile } from "node:fs/promises";
import path from "node:path";
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { build } from "../../src/build.js";
import { tempDir } from "../helpers/temp.js";

// An image slide, under classification banners, whose caption runs to three lines (a SHA-512
// hash in it): the picture, at its tallest, left the caption no room, and it ran over the footer.

describe("an image slide with a long caption", () => {
  it("shrinks the picture so that the caption stays on the slide", async () => {
    const dir = await tempDir("picture-caption");
    await sharp({
      create: { width: 1600, height: 1000, channels: 3, background: "#4a6fa5" },
    })
      .png()
      .toFile(path.join(dir, "wide.png"));
    const hash = "a4abd4448c49562d828115d13a1fccea927f52b4d5459297f8b43e42da89238b".repeat(2);
    await writeFile(
      path.join(dir, "brief.yaml"),
      [
        "title: Capture",
        "date: 2024-06-19",
        // Banners top and bottom leave the slide least room.
        "classification: TLP:AMBER",
        "timeline:",
        "  events:",
        "    - { date: 2024-06-01, title: Sample collected }",
        "sections:",
        "  - type: image",
        "    src: wide.png",
        "    alt: A blue field",
        `    caption: "Capture of the loader, SHA-512 ${hash}, from the second stage"`,
        "    credit: Vendor report",
        "",
      ].join("\n"),
    );
    const [result] = await build([path.join(dir, "brief.yaml")], {
      outDir: path.join(dir, "dist"),
      pdf: true,
    });
    expect(result?.problems).toEqual([]);
    expect(result?.pdf).toBeDefined();
    expect(result?.warnings.map((w) => w.message)).toEqual([]);
  }, 120_000);
});
