import { readdirSync, watch } from "node:fs";
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { build } from "../../src/build.js";
import { finishPdf } from "../../src/export/pdf.js";
import { replaceFolder } from "../../src/export/replace-folder.js";
import { writeBigBrief } from "../helpers/big-brief.js";
import { tempDir } from "../helpers/temp.js";

let brief: string;
let out: string;

beforeAll(async () => {
  const work = await tempDir("rename-only");
  brief = await writeBigBrief(work, 60);
  out = path.join(work, "dist");
  await build([brief], { outDir: out, pdf: true });
}, 120_000);

describe("output is written only by rename, once checked", () => {
  it("never shows a partly written deck or PDF at its final path during a rebuild", async () => {
    const live = path.join(out, "big");
    const inOut: string[] = [];
    const inLive: string[] = [];
    const watchers = [
      watch(out, (event, name) => inOut.push(`${event} ${name}`)),
      watch(live, (event, name) => inLive.push(`${event} ${name}`)),
    ];
    // Read the final paths over and over while the rebuild runs: every read that finds a
    // file finds it whole.
    let reads = 0;
    const torn: string[] = [];
    let building = true;
    const reader = (async () => {
      while (building) {
        for (const [name, whole] of [
          ["index.html", (b: Buffer) => b.toString("utf8").trimEnd().endsWith("</html>")],
          [
            "big.pdf",
            (b: Buffer) => b.subarray(0, 5).toString() === "%PDF-" && b.includes("%%EOF"),
          ],
        ] as const) {
          const bytes = await readFile(path.join(live, name)).catch(() => undefined);
          if (bytes === undefined) continue;
          reads++;
          if (!whole(bytes)) torn.push(name);
        }
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
    })();
    try {
      const [result] = await build([brief], { outDir: out, pdf: true, force: true });
      expect(result?.failure).toBeUndefined();
    } finally {
      building = false;
      await reader;
      for (const w of watchers) w.close();
    }
    expect(reads).toBeGreaterThan(10);
    expect(torn).toEqual([]);
    // In the output folder only renames happen, of the deck's folder and its temporary and
    // old twins; nothing is ever written in place inside the live folder.
    for (const event of inOut) expect(event).toMatch(/^rename (big|\.big\.(tmp|old)-[\w-]+)$/);
    expect(inOut).toContain("rename big");
    expect(inLive.filter((event) => event.startsWith("change"))).toEqual([]);
  });
});

describe("output is checked before it is swapped in", () => {
  const extras = {
    metadata: { title: "T", keywords: [], date: new Date(0) },
    outline: [],
    fingerprint: "f",
  };

  it("refuses bytes that are not a PDF, and a PDF with the wrong page count", async () => {
    await expect(finishPdf(new TextEncoder().encode("<html>"), 1, extras)).rejects.toMatchObject({
      kind: "environment",
      message: "the browser did not produce a PDF",
    });
    const pdf = await readFile(path.join(out, "big", "big.pdf"));
    await expect(finishPdf(pdf, 3, extras)).rejects.toMatchObject({ kind: "environment" });
  });

  it("leaves the old folder exactly as it was when filling the new one fails", async () => {
    const target = path.join(out, "big");
    const before = await readFile(path.join(target, "big.pdf"));
    await expect(
      replaceFolder(out, "big", async (tmp) => {
        await writeFile(path.join(tmp, "big.pdf"), "%PDF- half");
        throw new Error("the check failed");
      }),
    ).rejects.toThrow("the check failed");
    expect(await readFile(path.join(target, "big.pdf"))).toEqual(before);
    expect(readdirSync(out)).toEqual(["big"]);
  });
});
