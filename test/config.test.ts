import { spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { resolveConfig } from "../src/config.js";
import { BriefingError, type Problem } from "../src/errors.js";
import { tempDir } from "./helpers/temp.js";

async function project(config: string | undefined, name = "briefing.config.yaml") {
  const work = await tempDir("config");
  mkdirSync(path.join(work, "briefs", "nested"), { recursive: true });
  copyFileSync(
    "briefings/putin-kim-summit-2024.yaml",
    path.join(work, "briefs", "nested", "b.yaml"),
  );
  if (config !== undefined) writeFileSync(path.join(work, "briefs", name), config);
  return work;
}

describe("resolving settings: flags, then the config file, then defaults", () => {
  it("uses the defaults when there is no config file", async () => {
    const work = await project(undefined);
    const config = await resolveConfig({}, [path.join(work, "briefs", "nested", "b.yaml")]);
    expect(config.outDir).toBe("dist");
    expect(config.classification).toBeUndefined();
  });

  it("finds the file above the brief; its paths are relative to the file", async () => {
    const work = await project("out: ../public\nclassification: SECRET\nbrowser: bin/chrome\n");
    const config = await resolveConfig({}, [path.join(work, "briefs", "nested", "b.yaml")]);
    expect(config.outDir).toBe(path.join(work, "public"));
    expect(config.classification).toBe("SECRET");
    expect(config.browserPath).toBe(path.join(work, "briefs", "bin", "chrome"));
  });

  it("lets flags win over the file", async () => {
    const work = await project("out: ../public\nbrowser: bin/chrome\n");
    const config = await resolveConfig({ out: "elsewhere", browser: "/usr/bin/chromium" }, [
      path.join(work, "briefs"),
    ]);
    expect(config.outDir).toBe("elsewhere");
    expect(config.browserPath).toBe("/usr/bin/chromium");
  });

  it("reads JSON too", async () => {
    const work = await project('{ "out": "site" }', "briefing.config.json");
    const config = await resolveConfig({}, [path.join(work, "briefs")]);
    expect(config.outDir).toBe(path.join(work, "briefs", "site"));
  });

  it("draws the slides' pictures when the flag or the file asks for them", async () => {
    const none = await project(undefined);
    expect((await resolveConfig({}, [path.join(none, "briefs")])).png).toBe(false);
    expect((await resolveConfig({ png: true }, [path.join(none, "briefs")])).png).toBe(true);
    const asked = await project("png: true\n");
    expect((await resolveConfig({}, [path.join(asked, "briefs")])).png).toBe(true);
    const wrong = await project("png: 1\n");
    const error = await resolveConfig({}, [path.join(wrong, "briefs")]).catch((e) => e);
    expect(error).toBeInstanceOf(BriefingError);
    expect(error.problems.map((p: Problem) => [p.pos.line, p.pos.col, p.code])).toEqual([
      [1, 6, "wrong-type"],
    ]);
  });

  it("reports a mistake in the file with its line and a did-you-mean", async () => {
    const work = await project("out: x\nclasification: SECRET\n");
    const error = await resolveConfig({}, [path.join(work, "briefs")]).catch((e) => e);
    expect(error).toBeInstanceOf(BriefingError);
    expect(error.kind).toBe("usage");
    expect(error.message).toMatch(/briefing\.config\.yaml:2:1: .*did you mean "classification"/);
  });

  it("gives its mistakes as data too, for a library caller or an editor", async () => {
    const work = await project("out: 3\nclasification: SECRET\n");
    const error = await resolveConfig({}, [path.join(work, "briefs")]).catch((e) => e);
    expect(error).toBeInstanceOf(BriefingError);
    expect(
      error.problems.map((p: Problem) => [path.basename(p.file), p.pos.line, p.pos.col, p.code]),
    ).toEqual([
      ["briefing.config.yaml", 1, 6, "wrong-type"],
      ["briefing.config.yaml", 2, 1, "unknown-key"],
    ]);
  });
});

describe("resolving the environment once, with the rest of the settings", () => {
  it("takes the step timeout from the flag, then BRIEFING_TIMEOUT, for build and check", async () => {
    const work = await project(undefined);
    const briefs = [path.join(work, "briefs")];
    const env = { BRIEFING_TIMEOUT: "5" };
    expect((await resolveConfig({}, briefs, "build", env)).stepTimeout).toBe(5000);
    expect((await resolveConfig({ timeout: "2" }, briefs, "check", env)).stepTimeout).toBe(2000);
    expect((await resolveConfig({}, briefs, "build", {})).stepTimeout).toBeUndefined();
    // serve opens no page with a deadline: a broken BRIEFING_TIMEOUT is not its business.
    const serve = await resolveConfig({}, briefs, "serve", { BRIEFING_TIMEOUT: "soon" });
    expect(serve.stepTimeout).toBeUndefined();
    const refused = await resolveConfig({}, briefs, "check", { BRIEFING_TIMEOUT: "soon" }).catch(
      (e) => e,
    );
    expect(refused).toBeInstanceOf(BriefingError);
    expect(refused.kind).toBe("usage");
  });

  it("takes SOURCE_DATE_EPOCH when it is a positive number of seconds, and ignores it else", async () => {
    const briefs = [path.join(await project(undefined), "briefs")];
    const epoch = async (value: string) =>
      (await resolveConfig({}, briefs, "build", { SOURCE_DATE_EPOCH: value })).sourceDateEpoch;
    expect(await epoch("1000000000")).toBe(1000000000);
    for (const value of ["", "0", "-5", "soon"]) expect(await epoch(value)).toBeUndefined();
  });
});

describe("a config file with the command line", () => {
  it("lays the project's theme over the built-in one", async () => {
    const work = await project("theme: look.css\n");
    writeFileSync(path.join(work, "briefs", "look.css"), ":root { --accent: #b00; }\n");
    const out = path.join(work, "dist");
    const brief = path.join(work, "briefs", "nested", "b.yaml");
    const run = spawnSync(
      process.execPath,
      ["bin/briefing.js", "build", "--no-pdf", "--out", out, brief],
      { encoding: "utf8" },
    );
    expect(run.status, run.stderr).toBe(0);
    const html = readFileSync(path.join(out, "b", "index.html"), "utf8");
    expect(html).toMatch(/href="theme\/theme\.css">[\s\S]*href="theme\/custom\.css"/);
    expect(readFileSync(path.join(out, "b", "theme", "custom.css"), "utf8")).toContain("#b00");
  });

  it("reports a theme that does not exist", async () => {
    const work = await project("theme: nowhere.css\n");
    const error = await resolveConfig({}, [path.join(work, "briefs")]).catch((e) => e);
    expect(error.kind).toBe("usage");
    expect(error.message).toContain("nowhere.css");
  });

  it("builds into the configured folder with the default classification", async () => {
    const work = await project("out: ../public\nclassification: OFFICIAL\n");
    const brief = path.join(work, "briefs", "nested", "b.yaml");
    writeFileSync(brief, readFileSync(brief, "utf8").replace(/^classification: .*\n/m, ""));
    const run = spawnSync(process.execPath, ["bin/briefing.js", "build", "--no-pdf", brief], {
      encoding: "utf8",
    });
    expect(run.status).toBe(0);
    const html = readFileSync(path.join(work, "public", "b", "index.html"), "utf8");
    expect(html).toContain("OFFICIAL");
  });
});

describe("a config file beside the briefs", () => {
  const bin = path.resolve("bin/briefing.js");
  const build = (work: string) =>
    spawnSync(
      process.execPath,
      [
        bin,
        "build",
        path.join(work, "briefs", "nested"),
        "--no-pdf",
        "--out",
        path.join(work, "out"),
      ],
      { encoding: "utf8" },
    );

  it("is never built as a brief, and an empty one is fine", async () => {
    for (const text of ["", "# nothing set yet\n", "classification: OFFICIAL\n"]) {
      const work = await project(undefined);
      writeFileSync(path.join(work, "briefs", "nested", "briefing.config.yaml"), text);
      const run = build(work);
      expect(run.stderr).not.toContain("error");
      expect(run.status).toBe(0);
      expect(run.stdout).toContain("b.yaml →");
      expect(run.stdout).not.toContain("briefing.config");
    }
  });

  it("has its mistakes called the config file's, not a brief's", async () => {
    const work = await project(undefined);
    writeFileSync(path.join(work, "briefs", "nested", "briefing.config.yaml"), "- a list\n");
    const run = build(work);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain("the config file must be a mapping");
    expect(run.stderr).not.toContain("the brief");
    // A mistake at a place in a file is not one of the command line's.
    expect(run.stderr).not.toContain("for usage");
  });
});
