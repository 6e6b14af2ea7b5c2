import { execFileSync, spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launch } from "../../src/browser/browser.js";
import { findBrowser } from "../../src/browser/find-browser.js";
import { profilePrefix, removeStaleProfiles } from "../../src/browser/profile.js";
import { writeBigBrief } from "../helpers/big-brief.js";
import { startCli } from "../helpers/cli.js";
import { tempDir } from "../helpers/temp.js";
import { until } from "../helpers/until.js";

// Each case runs the real command with a TMPDIR of its own, where its browser's profile
// folder lies: the browser's processes are those whose command line names that folder. It is
// in the system's temporary folder: Chromium does not start when the path of its singleton
// socket there is over 107 bytes, which a folder in test/.output makes likely.

let work: string;
let brief: string;
const tmps: string[] = [];

/** A TMPDIR for one case, removed after the file's cases. */
function newTmp(): string {
  const tmp = mkdtempSync(path.join(os.tmpdir(), "briefing-test-"));
  tmps.push(tmp);
  return tmp;
}

afterAll(() => {
  for (const tmp of tmps) rmSync(tmp, { recursive: true, force: true });
});

beforeAll(async () => {
  work = await tempDir("browser-life");
  brief = await writeBigBrief(work, 200);
});

/** The processes whose command line mentions `text`, as ps lists them: "pid args". */
function processesWithArgs(text: string): string[] {
  return execFileSync("ps", ["-eo", "pid=,args="], { encoding: "utf8" })
    .split("\n")
    .filter((line) => line.includes(text));
}

/** The pids of the processes whose command line mentions `text`. */
function processesWith(text: string): number[] {
  return processesWithArgs(text).map((line) => Number(line.trim().split(/\s+/)[0]));
}

/** Starts a build in `tmp`, waits until its browser runs, and kills the build with SIGKILL. */
async function killedBuild(tmp: string): Promise<void> {
  const run = startCli(["build", brief, "--out", path.join(work, "dist"), "--force"], {
    TMPDIR: tmp,
  });
  await until(
    () => processesWith(tmp).length > 0 && readdirSync(tmp).length > 0,
    "the browser",
    30_000,
  );
  run.child.kill("SIGKILL");
  await run.done;
}

describe("the browser of a build killed with SIGKILL (the OOM killer, a CI time limit)", () => {
  it("dies with it within a few seconds", async () => {
    const tmp = newTmp();
    await killedBuild(tmp);
    await until(() => processesWith(tmp).length === 0, "the browser to be gone", 10_000).catch(
      () => {},
    );
    expect(processesWith(tmp)).toEqual([]);
  });

  it("leaves a profile folder that the next build removes, and no build removes a live one", async () => {
    const tmp = newTmp();
    await killedBuild(tmp);
    const left = readdirSync(tmp).filter((name) => name.startsWith("briefing-chromium-"));
    expect(left).toHaveLength(1);
    await until(() => processesWith(tmp).length === 0, "the browser to be gone", 10_000);

    // A build running meanwhile in the same temporary folder keeps its own.
    const small = "test/fixtures/valid/with-images.yaml";
    const live = startCli(["build", brief, "--out", path.join(work, "live"), "--force"], {
      TMPDIR: tmp,
    });
    const own = `briefing-chromium-${live.child.pid}-`;
    await until(
      () => readdirSync(tmp).some((name) => name.startsWith(own)),
      "the live build's profile",
      30_000,
    );
    const next = await startCli(["build", small, "--out", path.join(work, "next"), "--force"], {
      TMPDIR: tmp,
    }).done;
    expect(next.status).toBe(0);
    expect(existsSync(path.join(tmp, left[0] as string))).toBe(false);
    if (live.child.exitCode === null) {
      expect(readdirSync(tmp).some((name) => name.startsWith(own))).toBe(true);
    }
    const done = await live.done;
    expect(done.status).toBe(0);
    expect(readdirSync(tmp)).toEqual([]);
  }, 90_000);
});

describe("closing the browser", () => {
  it.runIf(process.platform === "linux")(
    "kills its processes and no other that names its profile (a user's du or editor)",
    async () => {
      const launched = await launch(await findBrowser(undefined));
      const profile = launched.browser
        .process()
        ?.spawnargs.find((arg) => arg.startsWith("--user-data-dir="))
        ?.slice("--user-data-dir=".length) as string;
      expect(profile).toContain(profilePrefix);
      const bystander = spawn(process.execPath, ["-e", "setTimeout(() => {}, 30_000)", profile]);
      try {
        await until(() => processesWith(profile).length > 1, "the bystander", 5_000);
        await launched.end();
        // Its helpers, killed with it, may linger in the process list a moment.
        await until(
          () => processesWith(profile).every((pid) => pid === bystander.pid),
          "the browser's processes to be gone",
          5_000,
        ).catch(() => {});
        expect(bystander.signalCode).toBeNull();
        expect(processesWith(profile)).toEqual([bystander.pid]);
      } finally {
        bystander.kill("SIGKILL");
      }
    },
  );
});

describe("removing the profile folders of browsers gone", () => {
  it("removes only those whose owner has exited and that no process uses", async () => {
    const tmp = newTmp();
    const dead = spawnSync("true").pid;
    const folder = (name: string) => {
      const file = path.join(tmp, `${profilePrefix}${name}`);
      mkdirSync(file);
      return file;
    };
    const gone = folder(`${dead}-gone`);
    const inUse = folder(`${dead}-in-use`);
    const live = folder(`${process.pid}-live`);
    // Made by a version that did not name the owner: kept until it is a day old.
    const unnamed = folder("Ab12Cd");
    const user = spawn(process.execPath, ["-e", "setTimeout(() => {}, 30_000)", inUse]);
    await until(() => processesWith(inUse).length > 0, "the process using a folder", 5_000);
    try {
      removeStaleProfiles(tmp);
    } finally {
      user.kill("SIGKILL");
    }
    expect(existsSync(gone)).toBe(false);
    expect([inUse, live, unnamed].filter(existsSync)).toEqual([inUse, live, unnamed]);
  });
});
