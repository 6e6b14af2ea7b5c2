import { spawnSync } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import { mkdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { build } from "../src/build.js";
import { emptyPreview, refreshPreview } from "../src/serve/preview.js";
import { deadPid } from "./helpers/dead-pid.js";
import { pdfInfo } from "./helpers/pdf.js";
import { tempDir } from "./helpers/temp.js";

const bin = path.resolve("bin/briefing.js");
const brief = "title: M\ndate: 2024-06-19\ntimeline:\n  events:\n    - {date: 2024, title: x}\n";

function briefing(args: string[], cwd?: string) {
  const run = spawnSync(process.execPath, [bin, ...args], {
    encoding: "utf8",
    cwd,
    timeout: 20_000,
  });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

/** Every file under `dir`, by its path relative to it. */
function tree(dir: string): string[] {
  return (readdirSync(dir, { recursive: true }) as string[]).sort();
}

describe("a brief whose name cannot name a deck folder", () => {
  it("is refused before anything is written, and nothing around it is replaced", async () => {
    const work = await tempDir("name-dots");
    const p = path.join(work, "p");
    await mkdir(path.join(p, "briefings"), { recursive: true });
    await writeFile(path.join(p, "keep-me"), "");
    for (const name of ["...yaml", "..yaml", ".yaml", "a\\b.yaml", ".hidden.yaml"]) {
      await writeFile(path.join(p, "briefings", name), brief);
    }
    const before = tree(p);
    for (const name of ["...yaml", "..yaml", ".yaml", "a\\b.yaml", ".hidden.yaml"]) {
      const file = path.join(p, "briefings", name);
      const run = briefing(["build", file, "--no-pdf", "--out", path.join(p, "dist")]);
      expect(run.status).toBe(2);
      expect(run.stderr).toContain(`${file} cannot be built: its deck folder would be named`);
      expect(run.stderr).not.toMatch(/^\s+at /m);
      expect(tree(p)).toEqual(before);
    }
  });

  it("is refused with the default output folder too, which stays as it was", async () => {
    const work = await tempDir("name-default-out");
    await mkdir(path.join(work, "dist", "other"), { recursive: true });
    await writeFile(path.join(work, "dist", "other", "index.html"), "kept");
    await writeFile(path.join(work, "..yaml"), brief);
    const run = briefing(["build", "..yaml", "--no-pdf"], work);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('..yaml cannot be built: its deck folder would be named "."');
    expect(tree(work)).toEqual(["..yaml", "dist", "dist/other", "dist/other/index.html"]);
  });

  it("is reported by check and by serve", async () => {
    const work = await tempDir("name-check");
    const file = path.join(work, "...yaml");
    await writeFile(file, brief);
    const run = briefing(["check", "--no-browser", file]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(`${file} cannot be built`);
    // Served alone, it is refused as build refuses it; in a folder, its page shows why.
    const serve = briefing(["serve", file, "--port", "0"]);
    expect(serve.status).toBe(2);
    expect(serve.stderr).toContain(`${file} cannot be built`);
    const preview = emptyPreview(path.join(work, "a\\b.yaml"));
    await writeFile(preview.file, brief);
    expect(await refreshPreview(preview, {})).toBe(false);
    expect(preview.problems.join("\n")).toContain(`${preview.file} cannot be built`);
  });
});

describe("outputs of an earlier build that were not asked for this time", () => {
  it("are removed or kept, and the result and the output line say which", async () => {
    const work = await tempDir("earlier-outputs");
    const file = path.join(work, "deck.yaml");
    await writeFile(file, brief);
    const out = path.join(work, "dist");
    const deck = path.join(out, "deck");
    const [full] = await build([file], { outDir: out, pdf: true, handout: true, singleFile: true });
    expect(full?.removed).toEqual([]);
    const pdf = await readFile(path.join(deck, "deck.pdf"));

    // Without --handout and --single-file: those two go, and the result names them.
    const [plain] = await build([file], { outDir: out, pdf: true });
    expect(plain?.removed).toEqual([
      { output: "handout", path: path.join(deck, "deck-handout.pdf") },
      { output: "singleFile", path: path.join(deck, "deck.html") },
    ]);
    expect(plain?.stale).toEqual([]);
    expect(existsSync(path.join(deck, "deck-handout.pdf"))).toBe(false);
    expect(existsSync(path.join(deck, "deck.html"))).toBe(false);

    // --no-pdf keeps the earlier PDF, and says that it may no longer match.
    await writeFile(file, brief.replace("title: x", "title: y"));
    const run = briefing(["build", file, "--no-pdf", "--out", out]);
    expect(run.status).toBe(0);
    expect(run.stdout.trim()).toBe(
      `${file} → ${path.join(deck, "index.html")}; kept ${path.join(deck, "deck.pdf")} from an earlier build (--no-pdf): it may not match the deck`,
    );
    expect(await readFile(path.join(deck, "deck.pdf"))).toEqual(pdf);
    // And again when the build is skipped as unchanged.
    const again = briefing(["build", file, "--no-pdf", "--out", out]);
    expect(again.stdout).toContain("unchanged since its last build");
    expect(again.stdout).toContain(`kept ${path.join(deck, "deck.pdf")} from an earlier build`);
  });

  it("are named on the output line when removed, with the flag that keeps them", async () => {
    const work = await tempDir("earlier-line");
    const file = path.join(work, "deck.yaml");
    await writeFile(file, brief);
    const out = path.join(work, "dist");
    expect(briefing(["build", file, "--no-pdf", "--single-file", "--out", out]).status).toBe(0);
    const run = briefing(["build", file, "--no-pdf", "--out", out]);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain(
      `; removed ${path.join(out, "deck", "deck.html")} (not asked for: --single-file keeps it)`,
    );
    const quiet = briefing(["build", file, "--no-pdf", "--single-file", "-q", "--out", out]);
    expect(quiet.stdout).toBe("");
    const quietly = briefing(["build", file, "--no-pdf", "-q", "--out", out]);
    expect(quietly.stdout).toBe("");
    expect(quietly.stderr).toContain(`${file}: removed ${path.join(out, "deck", "deck.html")}`);
  });
});

describe("a deck damaged since its build", () => {
  it("is rebuilt, not skipped: a folder deleted, a file overwritten with as many bytes, the PDF deleted", async () => {
    const work = await tempDir("damaged");
    const file = path.join(work, "deck.yaml");
    await writeFile(file, brief);
    const out = path.join(work, "dist");
    const deck = path.join(out, "deck");
    const options = { outDir: out, pdf: true };
    await build([file], options);
    const whole = tree(deck);
    expect((await build([file], options))[0]?.skipped).toBe(true);

    await rm(path.join(deck, "reveal"), { recursive: true });
    expect((await build([file], options))[0]?.skipped).toBeUndefined();
    expect(tree(deck)).toEqual(whole);

    const index = path.join(deck, "index.html");
    const html = await readFile(index);
    await writeFile(index, Buffer.alloc(html.length, "x"));
    expect((await build([file], options))[0]?.skipped).toBeUndefined();
    expect(await readFile(index)).toEqual(html);

    await rm(path.join(deck, "deck.pdf"));
    expect((await build([file], options))[0]?.skipped).toBeUndefined();
    expect(pdfInfo(path.join(deck, "deck.pdf")).Pages).toBe("2");
    expect((await build([file], options))[0]?.skipped).toBe(true);
  });
});

describe("temporary folders left by a killed build", () => {
  it("are removed once their process is gone, never while it runs", async () => {
    const work = await tempDir("leftover-build");
    const file = path.join(work, "deck.yaml");
    await writeFile(file, brief);
    const out = path.join(work, "dist");
    const dead = path.join(out, `.deck.tmp-${await deadPid()}-abc123`);
    const running = path.join(out, `.deck.tmp-${process.pid}-abc123`);
    for (const folder of [dead, running])
      await mkdir(path.join(folder, "reveal"), { recursive: true });
    const [result] = await build([file], { outDir: out, pdf: false });
    expect(result?.problems).toEqual([]);
    expect(existsSync(dead)).toBe(false);
    expect((await stat(running)).isDirectory()).toBe(true);
  });
});

describe("two briefs that would build into one deck folder", () => {
  it("are refused by the library before anything is written, case and Unicode form aside", async () => {
    const work = await tempDir("same-deck");
    for (const dir of ["a", "b"]) await mkdir(path.join(work, dir));
    const files = [
      path.join(work, "a", "deck.yaml"),
      path.join(work, "b", "deck.yaml"),
      path.join(work, "b", "Deck.yaml"),
      path.join(work, "a", "caf\u00e9.yaml"),
      path.join(work, "b", "cafe\u0301.yaml"),
    ];
    for (const file of files) await writeFile(file, brief);
    const out = path.join(work, "dist");
    const refused = async (pair: string[]) => {
      const error = await build(pair, { outDir: out, pdf: false }).catch((e) => e);
      expect(error).toMatchObject({ kind: "usage" });
      expect(existsSync(out)).toBe(false);
    };
    await refused([files[0] as string, files[1] as string]);
    await refused([files[0] as string, files[2] as string]);
    await refused([files[3] as string, files[4] as string]);
    // The same file given twice is one brief.
    const results = await build([files[0] as string, files[0] as string], {
      outDir: out,
      pdf: false,
    });
    expect(results.map((r) => r.name)).toEqual(["deck"]);
  });
});

describe("an output folder that cannot be made", () => {
  it.runIf(process.platform === "linux")("ends at once with exit 3 under /proc", () => {
    const run = briefing(["build", "--no-pdf", "--out", "/proc/x", "briefings"]);
    expect(run.status).toBe(3);
    expect(run.stderr).toContain(
      "briefing: cannot make the output folder /proc/x: the system makes no folders in /proc",
    );
  });

  it.runIf(process.platform === "linux")(
    "does not stop a build when the font cache cannot be made under /proc",
    async () => {
      const out = await tempDir("cache-in-proc");
      const run = spawnSync(
        process.execPath,
        [bin, "build", "--no-pdf", "--out", out, "briefings/putin-kim-summit-2024.yaml"],
        { encoding: "utf8", timeout: 20_000, env: { ...process.env, XDG_CACHE_HOME: "/proc/x" } },
      );
      expect(run.error).toBeUndefined();
      expect(run.status).toBe(0);
      expect(existsSync(path.join(out, "putin-kim-summit-2024", "index.html"))).toBe(true);
    },
  );

  it("ends with exit 3 under a file", async () => {
    const work = await tempDir("out-under-file");
    await writeFile(path.join(work, "somefile"), "");
    const run = briefing(
      ["build", "--no-pdf", "--out", "somefile/x", path.resolve("briefings")],
      work,
    );
    expect(run.status).toBe(3);
    expect(run.stderr).toContain(
      `briefing: cannot make the output folder somefile/x: ${path.join(work, "somefile")} is a file, not a folder`,
    );
  });
});
