import { execFileSync } from "node:child_process";
import {
  copyFileSync,
  mkdirSync,
  readFileSync,
  renameSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { request } from "node:http";
import path from "node:path";
import type { Browser, Page } from "puppeteer";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openContained } from "../../src/serve/served-file.js";
import { type PreviewServer, startServer } from "../../src/serve/server.js";
import { startBrowser } from "../helpers/browser.js";
import { tempDir } from "../helpers/temp.js";

const sample = "briefings/putin-kim-summit-2024.yaml";
const dot = "test/fixtures/valid/photos/dot.png";
const canary = "canary: this file is outside the brief's folder";
let browser: Browser;
let server: PreviewServer;
let page: Page;
let work: string;
let outside: string;

/** Asks the server from Node, giving up after two seconds: a hung request is a failure too. */
function get(rawPath: string): Promise<{ status: number; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: "127.0.0.1", port: server.port, path: rawPath, timeout: 2000 },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => chunks.push(chunk));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks) }));
      },
    );
    req.on("timeout", () => req.destroy(new Error(`no answer for ${rawPath}`)));
    req.on("error", reject);
    req.end();
  });
}

/** The same request from the open deck, as a script in it would make it. */
function fetchFromPage(url: string): Promise<{ status: number; body: string }> {
  return page.evaluate(async (u) => {
    const res = await fetch(u, { cache: "no-store" });
    return { status: res.status, body: await res.text() };
  }, url);
}

/** Puts `target` in place of `file` atomically, the way `ln -sf … new && mv -T new file` does. */
function swapForLink(file: string, target: string): void {
  symlinkSync(target, `${file}.new`);
  renameSync(`${file}.new`, file);
}

const overlay = () => document.getElementById("briefing-problems") !== null;

beforeAll(async () => {
  work = await tempDir("served");
  outside = await tempDir("served-outside");
  writeFileSync(path.join(outside, "secret.txt"), canary);
  mkdirSync(path.join(outside, "photos"));
  writeFileSync(path.join(outside, "photos", "p.png"), canary);
  mkdirSync(path.join(work, "photos"));
  copyFileSync(dot, path.join(work, "photos", "p.png"));
  copyFileSync(dot, path.join(work, "photos", "inner.png"));
  const brief = readFileSync(sample, "utf8").replace(
    /(\n {4}- date: 1961\n)/,
    "$1      image: photos/p.png\n",
  );
  writeFileSync(path.join(work, "brief.yaml"), brief);
  [browser, server] = await Promise.all([
    startBrowser(),
    startServer({ input: path.join(work, "brief.yaml"), port: 0, host: "127.0.0.1" }),
  ]);
  page = await browser.newPage();
});

afterAll(async () => {
  await page?.close();
  await browser?.close();
  await server?.close();
});

describe("serve checks each file as it serves it, not only when it validated the brief", () => {
  it("refuses an image swapped for a link out of the folder while the deck is open", async () => {
    const connected = page.waitForResponse((r) => r.url().includes("/__briefing/events"));
    await page.goto(`${server.url}brief/`, { waitUntil: "load" });
    await connected;
    expect((await get("/brief/assets/photos/p.png")).status).toBe(200);

    swapForLink(path.join(work, "photos", "p.png"), path.join(outside, "secret.txt"));
    // At once, before the server has even noticed the change…
    const now = await get("/brief/assets/photos/p.png");
    expect([403, 404]).toContain(now.status);
    expect(now.body.toString()).not.toContain("canary");
    // …and once it has, and shows the problem over the last good deck, which still names it.
    await page.waitForFunction(overlay);
    const later = await fetchFromPage("assets/photos/p.png");
    expect([403, 404]).toContain(later.status);
    expect(later.body).not.toContain("canary");
  });

  it("refuses the image when its folder is swapped for a link out", async () => {
    renameSync(path.join(work, "photos"), path.join(work, "photos-kept"));
    symlinkSync(path.join(outside, "photos"), path.join(work, "photos"));
    try {
      const res = await get("/brief/assets/photos/p.png");
      expect([403, 404]).toContain(res.status);
      expect(res.body.toString()).not.toContain("canary");
    } finally {
      rmSync(path.join(work, "photos"));
      renameSync(path.join(work, "photos-kept"), path.join(work, "photos"));
    }
  });

  it("still serves an image that is a link inside the folder, as validation allows", async () => {
    const reloaded = page.waitForNavigation({ waitUntil: "load" });
    swapForLink(path.join(work, "photos", "p.png"), "inner.png");
    await reloaded;
    await page.waitForFunction(() => document.getElementById("briefing-problems") === null);
    const res = await get("/brief/assets/photos/p.png");
    expect(res.status).toBe(200);
    expect(res.body.equals(readFileSync(dot))).toBe(true);
    expect((await fetchFromPage("assets/photos/p.png")).status).toBe(200);
  });
});

describe("openContained", () => {
  it("opens a file inside the folder and nothing that leaves it", async () => {
    const folder = await tempDir("contained");
    writeFileSync(path.join(folder, "a.png"), "a");
    symlinkSync(path.join(outside, "secret.txt"), path.join(folder, "out.png"));
    symlinkSync("a.png", path.join(folder, "in.png"));
    mkdirSync(path.join(folder, "dir.png"));
    execFileSync("mkfifo", [path.join(folder, "pipe.png")]);
    const inside = await openContained(path.join(folder, "in.png"), folder);
    expect(inside?.size).toBe(1);
    await inside?.handle.close();
    expect(await openContained(path.join(folder, "out.png"), folder)).toBeUndefined();
    expect(await openContained(path.join(folder, "dir.png"), folder)).toBeUndefined();
    expect(await openContained(path.join(folder, "gone.png"), folder)).toBeUndefined();
    // A named pipe with no writer would stall a plain open for good.
    expect(await openContained(path.join(folder, "pipe.png"), folder)).toBeUndefined();
  });
});
