import { spawnSync } from "node:child_process";
import { readdirSync } from "node:fs";
import { copyFile, cp, mkdir, readFile, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { build } from "../src/build.js";
import { pdfInfo } from "./helpers/pdf.js";
import { tempDir } from "./helpers/temp.js";

const sample = "briefings/putin-kim-summit-2024.yaml";

async function briefsFolder(label: string, names: string[]) {
  const work = await tempDir(label);
  const briefs = path.join(work, "briefs");
  await mkdir(briefs);
  const files: string[] = [];
  for (const name of names) {
    const file = path.join(briefs, `${name}.yaml`);
    await copyFile(name === "broken" ? "test/fixtures/invalid/bad-date.yaml" : sample, file);
    files.push(file);
  }
  return { files, out: path.join(work, "dist") };
}

describe("build, many briefs at once", () => {
  it("builds several briefs at once, PDFs included, and reports the broken one", async () => {
    const { files, out } = await briefsFolder("batch-pdf", ["alpha", "broken", "gamma"]);
    const seen: number[] = [];
    const results = await build(files, {
      outDir: out,
      pdf: true,
      concurrency: 2,
      onResult: (_result, done) => seen.push(done),
    });
    expect(seen).toEqual([1, 2, 3]);
    expect(results.map((r) => r.name)).toEqual(["alpha", "broken", "gamma"]);
    expect(results[1]?.problems[0]?.code).toBe("bad-date");
    for (const result of [results[0], results[2]]) {
      expect(result?.problems).toEqual([]);
      expect(Number(pdfInfo(result?.pdf as string).Pages)).toBeGreaterThan(10);
    }
  });

  it("skips a brief whose inputs have not changed, and rebuilds on a change or --force", async () => {
    const { files, out } = await briefsFolder("batch-skip", ["one", "two"]);
    const options = { outDir: out, pdf: false };
    const first = await build(files, options);
    expect(first.map((r) => r.skipped)).toEqual([undefined, undefined]);
    const index = path.join(out, "one", "index.html");
    const builtAt = (await stat(index)).mtimeMs;

    const second = await build(files, options);
    expect(second.map((r) => r.skipped)).toEqual([true, true]);
    expect(second[0]?.html).toBe(index);
    expect((await stat(index)).mtimeMs).toBe(builtAt);

    // A change to one brief rebuilds that one only.
    await writeFile(
      files[1] as string,
      `${await readFile(files[1] as string, "utf8")}\n# edited\n`,
    );
    expect((await build(files, options)).map((r) => !!r.skipped)).toEqual([true, false]);
    // Other options are other inputs.
    expect((await build(files, { ...options, singleFile: true })).map((r) => !!r.skipped)).toEqual([
      false,
      false,
    ]);
    // --force rebuilds everything.
    expect(
      (await build(files, { ...options, singleFile: true, force: true })).map((r) => !!r.skipped),
    ).toEqual([false, false]);
  });

  it("reports a brief whose build fails in its result, and goes on with the others", async () => {
    const { files, out } = await briefsFolder("batch-fail", ["one", "broken", "two"]);
    // Called through the library, nothing checks that the theme exists before the build.
    const results = await build(files, { outDir: out, pdf: false, theme: "/nonexistent/a.css" });
    expect(results.map((r) => r.name)).toEqual(["one", "broken", "two"]);
    expect(results[1]?.problems[0]?.code).toBe("bad-date");
    for (const result of [results[0], results[2]]) {
      expect(result?.failure?.kind).toBe("environment");
      expect(result?.failure?.message).toContain("/nonexistent/a.css");
      expect(result?.html).toBeUndefined();
    }
  });

  it("rebuilds a brief whose image changed, though the brief did not", async () => {
    const work = await tempDir("batch-image");
    await cp("test/fixtures/valid", work, { recursive: true });
    const brief = path.join(work, "with-images.yaml");
    const options = { outDir: path.join(work, "dist"), pdf: false };
    expect((await build([brief], options))[0]?.problems).toEqual([]);
    expect((await build([brief], options))[0]?.skipped).toBe(true);
    const photo = path.join(work, "photos", readdirSync(path.join(work, "photos"))[0] as string);
    await writeFile(photo, Buffer.concat([await readFile(photo), Buffer.from([0])]));
    expect((await build([brief], options))[0]?.skipped).toBeUndefined();
  });

  it("starts no browser for a brief with mistakes, even when it was to be printed", async () => {
    const { files, out } = await briefsFolder("batch-invalid", ["broken"]);
    // A browser that cannot be found would stop the batch, were it looked for.
    const [result] = await build(files, { outDir: out, pdf: true, browserPath: "/no/browser" });
    expect(result?.problems[0]?.code).toBe("bad-date");
    expect(result?.failure).toBeUndefined();
  });
});

describe("SOURCE_DATE_EPOCH, as the command reads it", () => {
  const run = (out: string, epoch: string) =>
    spawnSync(process.execPath, ["bin/briefing.js", "build", sample, "--out", out], {
      encoding: "utf8",
      env: { ...process.env, SOURCE_DATE_EPOCH: epoch },
    });

  it("dates the PDF instead of the as-of date, and a new value rebuilds it", async () => {
    const out = path.join(await tempDir("source-date"), "dist");
    const pdf = path.join(out, "putin-kim-summit-2024", "putin-kim-summit-2024.pdf");
    expect(run(out, "").status).toBe(0);
    expect(pdfInfo(pdf).CreationDate).toMatch(/Jun 19 00:00:00 2024/);
    // 2001-09-09 01:46:40 UTC.
    const dated = run(out, "1000000000");
    expect(dated.status, dated.stderr).toBe(0);
    expect(dated.stdout).not.toContain("unchanged");
    expect(pdfInfo(pdf).CreationDate).toMatch(/Sep {1,2}9 \d\d:46:40 2001/);
    expect(run(out, "1000000000").stdout).toContain("unchanged since its last build");
  });
});
