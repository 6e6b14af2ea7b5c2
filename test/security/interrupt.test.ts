import { execFileSync, spawn } from "node:child_process";
import { createHash } from "node:crypto";
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  statSync,
  writeFileSync,
} from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { build } from "../../src/build.js";
import { writeBigBrief } from "../helpers/big-brief.js";
import { type CliRun, startCli } from "../helpers/cli.js";
import { tempDir } from "../helpers/temp.js";
import { until } from "../helpers/until.js";

// Each case spawns the real command on a brief big enough (about 220 slides) to be stopped
// while it prints, with its own TMPDIR, so that its browser and its temporary files can be
// found: the browser's command line names its profile folder, which lies in that TMPDIR.

let work: string;
let brief: string;
let out: string;
let before: Map<string, string>;

beforeAll(async () => {
  work = await tempDir("interrupt");
  brief = await writeBigBrief(work, 200);
  out = path.join(work, "dist");
  const [result] = await build([brief], { outDir: out, pdf: true });
  expect(result?.pdf).toBeDefined();
  before = snapshot(out);
  // Edited since: a new deck or PDF that slipped through would differ from the old one.
  writeFileSync(
    brief,
    readFileSync(brief, "utf8").replace("title: A brief", "title: An edited brief"),
  );
}, 180_000);

/** What Puppeteer says when it gives up: never what the user reads. */
const puppeteerWords = /protocolTimeout|timed out|Target closed|Navigation timeout|TimeoutError/;

/** Every file under `dir` → a hash of its bytes; names starting with "." included. */
function snapshot(dir: string): Map<string, string> {
  const files = readdirSync(dir, { recursive: true, encoding: "utf8" }).sort();
  return new Map(
    files
      .filter((name) => statSync(path.join(dir, name)).isFile())
      .map((name) => [
        name,
        createHash("sha256")
          .update(readFileSync(path.join(dir, name)))
          .digest("hex"),
      ]),
  );
}

/** The processes whose command line mentions `text`, as ps lists them: "pid args". */
function processesWith(text: string): string[] {
  return execFileSync("ps", ["-eo", "pid=,args="], { encoding: "utf8" })
    .split("\n")
    .filter((line) => line.includes(text));
}

/** The CPU time a process listed by `processesWith` has used so far, in seconds (Linux). */
function cpuSeconds(line: string): number {
  try {
    const stat = readFileSync(`/proc/${line.trim().split(/\s+/)[0]}/stat`, "utf8");
    const [utime, stime] = stat
      .slice(stat.lastIndexOf(")") + 2)
      .split(" ")
      .slice(11, 13);
    return (Number(utime) + Number(stime)) / 100;
  } catch {
    return 0;
  }
}

/** Starts a build, waits until its browser is printing, lets `stop` act, and checks the wreck. */
async function stopped(stop: (run: CliRun, tmp: string) => void, args: string[] = []) {
  const tmp = mkdtempSync(path.join(work, "tmp-"));
  const run = startCli(["build", brief, "--out", out, "--force", ...args], { TMPDIR: tmp });
  if (args.length === 0) {
    await until(
      () =>
        // A renderer busy with the deck (laying out or printing its 220 slides), which a blank
        // tab of a browser still starting never is; and the deck's print document is written
        // in the temporary folder, so that is what the page works on.
        processesWith(tmp).some(
          (line) => line.includes("--type=renderer") && cpuSeconds(line) > 0.3,
        ) &&
        readdirSync(out).some(
          (name) => name.includes(".tmp-") && existsSync(path.join(out, name, ".print.html")),
        ),
      "the browser's pages and the print document",
    );
    stop(run, tmp);
  }
  const result = await run.done;
  // Killed processes take a moment to be gone.
  await until(() => processesWith(tmp).length === 0, "the browser to be gone", 5_000).catch(
    () => {},
  );
  expect(processesWith(tmp)).toEqual([]);
  expect(readdirSync(tmp)).toEqual([]);
  expect(readdirSync(out)).toEqual(["big"]);
  expect(snapshot(out)).toEqual(before);
  expect(result.stderr).not.toMatch(/^\s+at /m);
  return result;
}

describe("a build stopped halfway leaves everything as it was", () => {
  it("Ctrl-C (SIGINT): exits 130, says so, kills the browser, removes its files", async () => {
    const result = await stopped((run) => run.child.kill("SIGINT"));
    expect(result.status).toBe(130);
    expect(result.stderr).toContain("briefing: stopped by SIGINT; earlier output is unchanged");
  });

  it("SIGTERM: exits 143, the same way", async () => {
    const result = await stopped((run) => run.child.kill("SIGTERM"));
    expect(result.status).toBe(143);
    expect(result.stderr).toContain("briefing: stopped by SIGTERM; earlier output is unchanged");
  });

  it("the browser killed while it prints: the brief fails with exit 3 and a clear message", async () => {
    const result = await stopped((_run, tmp) => {
      const main = processesWith(tmp).find((line) => !line.includes("--type="));
      process.kill(Number(main?.trim().split(/\s+/)[0]), "SIGKILL");
    });
    expect(result.status).toBe(3);
    // Killed while it opens, lays out or prints the deck: the message says which.
    expect(result.stderr).toMatch(
      /big\.yaml: not built: the browser quit in the middle of (opening a page|opening the deck|loading its images|laying out the slides|printing the PDF) \(it crashed or was killed\); the previous output is unchanged/,
    );
    expect(result.stderr).not.toMatch(puppeteerWords);
  });

  it("a timeout: exits 3 and names it", async () => {
    const result = await stopped(() => {}, ["--timeout", "0.05"]);
    expect(result.status).toBe(3);
    // Its first step, opening a page in the browser, already takes longer than that.
    expect(result.stderr).toContain(
      "big.yaml: not built: opening a page took longer than the 0.05 s timeout; the previous output is unchanged",
    );
    expect(result.stderr).not.toMatch(puppeteerWords);
  });
});

describe("a build that timed out", () => {
  it("exits as soon as it has said so, not when Puppeteer's own waits run out", async () => {
    // Puppeteer's wait for the page that timed out keeps a 30 s timer; it need not win the race
    // every time, so try a few.
    for (let i = 0; i < 4; i++) {
      const started = Date.now();
      const run = startCli(["build", brief, "--out", out, "--force", "--timeout", "0.05"]);
      const result = await run.done;
      expect(result.status).toBe(3);
      expect(Date.now() - started).toBeLessThan(15_000);
    }
  });
});

describe("a reader that goes away", () => {
  it("(`briefing build … | head`) does not stop the build halfway or leave anything behind", async () => {
    const tmp = mkdtempSync(path.join(work, "tmp-"));
    const target = path.join(work, "piped");
    const briefs = path.join(work, "piped-briefs");
    mkdirSync(briefs);
    for (const name of ["one", "two", "three"]) {
      copyFileSync("briefings/putin-kim-summit-2024.yaml", path.join(briefs, `${name}.yaml`));
    }
    // `head` reads a byte and goes: every later line the build prints (its progress among
    // them) meets a closed pipe.
    const command = `"${process.execPath}" bin/briefing.js build "${briefs}" --out "${target}" --force 2>&1 | head -c 1 >/dev/null; exit "\${PIPESTATUS[0]}"`;
    const run = spawn("bash", ["-c", command], { env: { ...process.env, TMPDIR: tmp } });
    const status = await new Promise((resolve) => run.on("close", resolve));
    expect(status).toBe(0);
    await until(() => processesWith(tmp).length === 0, "the browser to be gone", 5_000).catch(
      () => {},
    );
    expect(processesWith(tmp)).toEqual([]);
    expect(readdirSync(tmp)).toEqual([]);
    expect(readdirSync(path.join(target, "three"))).toContain("three.pdf");
  });
});

describe("check's layout pass, out of time", () => {
  it("exits 3, names the timeout and leaves no temporary file or browser", async () => {
    const tmp = mkdtempSync(path.join(work, "tmp-"));
    const result = await startCli(["check", brief, "--timeout", "0.01"], { TMPDIR: tmp }).done;
    expect(result.status).toBe(3);
    expect(result.stderr).toContain(
      `briefing: ${brief}: opening a page took longer than the 0.01 s timeout`,
    );
    expect(result.stderr).not.toMatch(puppeteerWords);
    expect(result.stderr).not.toMatch(/^\s+at /m);
    await until(() => processesWith(tmp).length === 0, "the browser to be gone", 5_000).catch(
      () => {},
    );
    expect(processesWith(tmp)).toEqual([]);
    expect(readdirSync(tmp)).toEqual([]);
  });
});
