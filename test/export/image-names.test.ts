import { execFileSync } from "node:child_process";
import { copyFile, mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { startCli } from "../helpers/cli.js";
import { tempDir } from "../helpers/temp.js";

// Characters that mean something in a URL but are fine in a file name.
const names = ["a #1.png", "what?.png", "100%.png", "평양 #2.png"];

describe("an image whose file name has #, ?, % or spaces", () => {
  it("shows in the deck, the PDF and the single file, with no warning", async () => {
    const work = await tempDir("image-names");
    await mkdir(path.join(work, "photos"));
    for (const name of names) {
      await copyFile("test/fixtures/valid/photos/dot.png", path.join(work, "photos", name));
    }
    const events = names.map(
      (name, i) =>
        `    - {date: 2024-06-${10 + i}, title: Event ${i}, image: ${JSON.stringify(`photos/${name}`)}}`,
    );
    await writeFile(
      path.join(work, "names.yaml"),
      `title: Names\ndate: 2024-06-19\ntimeline:\n  events:\n${events.join("\n")}\n`,
    );
    const out = path.join(work, "dist");
    const run = await startCli(
      ["build", path.join(work, "names.yaml"), "--out", out, "--single-file"],
      {},
    ).done;
    expect(run.stderr).not.toContain("does not load");
    expect(run.status).toBe(0);
    const deck = path.join(out, "names");
    const html = await readFile(path.join(deck, "index.html"), "utf8");
    // The `#` and `?` are part of the path, not a fragment or a query.
    expect(html).not.toMatch(/src="[^"]*[#?][^"]*"/);
    const images = execFileSync("pdfimages", ["-list", path.join(deck, "names.pdf")], {
      encoding: "utf8",
    });
    // Header lines, then one line for each image drawn (the dot, with its alpha mask).
    const drawn = images.split("\n").filter((line) => /^\s*\d+\s+\d+\s+image/.test(line));
    expect(drawn.length).toBe(names.length);
    const single = await readFile(path.join(deck, "names.html"), "utf8");
    expect(single).not.toMatch(/src="assets\//);
    expect(single.match(/src="data:image\/png;base64,/g)?.length).toBe(names.length);
  });
});
