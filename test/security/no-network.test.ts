import { copyFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startCli } from "../helpers/cli.js";
import { type Loopback, startLoopback } from "../helpers/loopback.js";
import { tempDir } from "../helpers/temp.js";

let server: Loopback;
let work: string;

beforeAll(async () => {
  server = await startLoopback();
  work = await tempDir("no-network");
  copyFileSync("briefings/putin-kim-summit-2024.yaml", path.join(work, "brief.yaml"));
  // A project theme that reaches out: the only way to do it that validation lets through.
  writeFileSync(
    path.join(work, "house.css"),
    `@import url(${server.url}/x.css);\n` +
      `.reveal { background: url(${server.url}/y.png); }\n` +
      `@font-face { font-family: Far; src: url(https://fonts.example.invalid/far.woff2); }\n` +
      ".reveal h1 { font-family: Far, sans-serif; }\n",
  );
  writeFileSync(path.join(work, "briefing.config.yaml"), "theme: house.css\n");
});

afterAll(async () => {
  await server?.close();
});

describe("printing never reaches the network", () => {
  it("builds the PDF and handout with the theme's requests blocked, and warns about each", async () => {
    const run = await startCli(
      ["build", path.join(work, "brief.yaml"), "--out", path.join(work, "dist"), "--handout"],
      {},
    ).done;
    expect(run.stderr).not.toMatch(/^\s+at /m);
    expect(run.status).toBe(0);
    expect(server.hits).toEqual([]);
    // As root Chromium runs without its sandbox, which is said once, and only then.
    const root = process.getuid?.() === 0;
    expect(run.stderr.split("without its sandbox").length - 1).toBe(root ? 1 : 0);
    for (const url of [`${server.url}/x.css`, `${server.url}/y.png`]) {
      expect(run.stderr).toMatch(
        new RegExp(
          `brief\\.yaml:1:1: warning: the deck asked for ${url.replace(/\./g, "\\.")}, which was blocked`,
        ),
      );
    }
  });

  it("warns the same way in check's layout pass", async () => {
    const run = await startCli(["check", path.join(work, "brief.yaml")]).done;
    expect(run.status).toBe(0);
    expect(server.hits).toEqual([]);
    expect(run.stdout).toContain(
      `warning: the deck asked for ${server.url}/x.css, which was blocked`,
    );
  });
});
