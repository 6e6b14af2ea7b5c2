import { mkdirSync, symlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { Browser, Target } from "puppeteer";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fileFilter } from "../../src/browser/deck-page.js";
import { BrowserSession } from "../../src/browser/session.js";
import { deckPolicy } from "../../src/render/render-deck.js";
import { type Loopback, startLoopback } from "../helpers/loopback.js";
import { tempDir } from "../helpers/temp.js";

const session = new BrowserSession({});
let browser: Browser;
let server: Loopback;
let root: string;
let deck: string;

beforeAll(async () => {
  [browser, server] = await Promise.all([session.browser(), startLoopback()]);
  root = await tempDir("guard");
  deck = path.join(root, "deck");
  mkdirSync(path.join(deck, "assets"), { recursive: true });
  writeFileSync(path.join(root, "canary.txt"), "CANARY");
  writeFileSync(path.join(deck, "assets", "ok.css"), ".ok { color: green }");
  symlinkSync(path.join(root, "canary.txt"), path.join(deck, "assets", "link-out.css"));
});

afterAll(async () => {
  await session[Symbol.asyncDispose]();
  await server?.close();
});

/** Opens `html`, written as the deck's index.html, in a guarded page; returns what was blocked. */
async function blockedBy(html: string): Promise<string[]> {
  const file = path.join(deck, "index.html");
  writeFileSync(file, html);
  const blocked: string[] = [];
  await session.withPage({ folder: deck, onBlocked: (url) => blocked.push(url) }, async (page) => {
    await page.goto(pathToFileURL(file).href, { waitUntil: "load" });
    // Late requests (fonts, fetch) come after the load: wait until they have all been
    // refused and nothing more is asked for.
    await page.evaluate(() => document.fonts.ready.then(() => undefined));
    await page.waitForNetworkIdle({ idleTime: 100 });
  });
  return blocked;
}

describe("a page the tool prints reads only the deck's own files", () => {
  it("blocks remote images, fonts, stylesheets, frames and fetches, and reports each", async () => {
    const at = server.url;
    const blocked = await blockedBy(`<!doctype html><html><head>
<link rel="stylesheet" href="assets/ok.css">
<link rel="stylesheet" href="${at}/style.css">
<link rel="stylesheet" href="https://fonts.example.invalid/css">
<style>@font-face { font-family: X; src: url(${at}/font.woff2); } body { font-family: X; }
.bg { background: url(${at}/bg.png) }</style>
</head><body class="bg"><p>text</p>
<img src="${at}/image.png"><img src="https://images.example.invalid/x.png">
<iframe src="${at}/frame.html"></iframe>
<script>fetch("${at}/fetch").catch(() => {});</script>
</body></html>`);
    expect(server.hits).toEqual([]);
    for (const url of ["style.css", "font.woff2", "bg.png", "image.png", "frame.html", "fetch"])
      expect(blocked).toContain(`${at}/${url}`);
    expect(blocked).toContain("https://images.example.invalid/x.png");
    expect(blocked).not.toContain(pathToFileURL(path.join(deck, "assets", "ok.css")).href);
  });

  it("blocks files outside the deck's folder: ../, absolute paths and symlinks pointing out", async () => {
    const canary = pathToFileURL(path.join(root, "canary.txt")).href;
    const blocked = await blockedBy(`<!doctype html><html><head>
<link rel="stylesheet" href="../canary.txt">
<link rel="stylesheet" href="${canary}">
<link rel="stylesheet" href="assets/link-out.css">
<link rel="stylesheet" href="file:///etc/passwd">
</head><body><iframe src="../canary.txt"></iframe></body></html>`);
    expect(blocked).toContain(canary);
    expect(blocked).toContain("file:///etc/passwd");
    expect(blocked).toContain(pathToFileURL(path.join(deck, "assets", "link-out.css")).href);
  });

  it("leaves WebSocket, which request interception never sees, to the deck's policy", async () => {
    const ws = `ws://127.0.0.1:${server.port}/socket`;
    writeFileSync(path.join(deck, "assets", "socket.js"), `new WebSocket(${JSON.stringify(ws)});`);
    const blocked = await blockedBy(`<!doctype html><html><head>
<meta http-equiv="Content-Security-Policy" content="${deckPolicy()}">
<script src="assets/socket.js"></script>
<script>fetch("${server.url}/inline")</script>
</head><body></body></html>`);
    expect(server.hits).toEqual([]);
    expect(blocked).toContain(ws);
    // The inline script did not run at all.
    expect(blocked).toContain("inline");
  });
});

describe("a page kept for the next deck", () => {
  it("is used again, and then guards with the next deck's folder, not the last one's", async () => {
    const other = path.join(root, "other-deck");
    mkdirSync(other, { recursive: true });
    writeFileSync(path.join(other, "index.html"), "<!doctype html><p>other deck</p>");
    const first = path.join(deck, "index.html");
    writeFileSync(first, '<!doctype html><link rel="stylesheet" href="assets/ok.css"><p>deck</p>');
    const pages: unknown[] = [];
    const open = (folder: string, url: string, blocked: string[]) =>
      session.withPage(
        { folder, onBlocked: (u) => blocked.push(u) },
        async (page) => {
          pages.push(page);
          await page.goto(url, { waitUntil: "load" });
          // The first deck's stylesheet, asked for from the second deck's page.
          await page.evaluate(
            (href) => {
              const link = document.createElement("link");
              link.rel = "stylesheet";
              link.href = href;
              document.head.append(link);
              return new Promise((resolve) => {
                link.addEventListener("load", resolve);
                link.addEventListener("error", resolve);
              });
            },
            pathToFileURL(path.join(deck, "assets", "ok.css")).href,
          );
        },
        { reuse: true },
      );
    const blockedFirst: string[] = [];
    const blockedSecond: string[] = [];
    await open(deck, pathToFileURL(first).href, blockedFirst);
    expect(blockedFirst).toEqual([]);
    await open(other, pathToFileURL(path.join(other, "index.html")).href, blockedSecond);
    expect(pages[0]).toBe(pages[1]);
    expect(blockedSecond).toEqual([pathToFileURL(path.join(deck, "assets", "ok.css")).href]);
  });
});

/**
 * Resolves once a page that opens from now on has closed again, or after 10 s if none does
 * (the case the test is there to catch: its assertion then fails).
 */
function lateClose(browser: Browser): Promise<void> {
  const opened = new Set<Target>();
  const onOpen = (target: Target) => {
    if (target.type() === "page") opened.add(target);
  };
  browser.on("targetcreated", onOpen);
  let onClose: (target: Target) => void = () => {};
  let timer: ReturnType<typeof setTimeout> | undefined;
  return new Promise<void>((resolve) => {
    onClose = (target) => {
      if (opened.has(target)) resolve();
    };
    browser.on("targetdestroyed", onClose);
    timer = setTimeout(resolve, 10_000);
  }).finally(() => {
    clearTimeout(timer);
    browser.off("targetcreated", onOpen);
    browser.off("targetdestroyed", onClose);
  });
}

describe("a page that opens only after its step timed out", () => {
  it("is closed as it arrives, not left open for the rest of the batch", async () => {
    const before = (await browser.pages()).length;
    const late = lateClose(browser);
    const error = await session
      .withPage({ folder: deck, timeout: 1 }, async () => {})
      .then(
        () => undefined,
        (thrown: Error) => thrown,
      );
    expect(error?.message).toBe("opening a page took longer than the 0.001 s timeout");
    await late;
    expect((await browser.pages()).length).toBe(before);
  });
});

describe("fileFilter", () => {
  it("allows files inside the folder only, symlinks resolved, query and hash ignored", () => {
    const allowed = fileFilter(deck);
    const url = (file: string) => pathToFileURL(file).href;
    expect(allowed(`${url(path.join(deck, "index.html"))}?print-pdf#/2`)).toBe(true);
    expect(allowed(url(path.join(deck, "assets", "ok.css")))).toBe(true);
    expect(allowed(url(path.join(deck, "assets", "link-out.css")))).toBe(false);
    expect(allowed(url(path.join(root, "canary.txt")))).toBe(false);
    expect(allowed(url(deck))).toBe(false);
    expect(allowed(`${url(deck)}/../canary.txt`)).toBe(false);
    expect(allowed(`${url(deck)}/assets/%2e%2e/%2e%2e/canary.txt`)).toBe(false);
    expect(allowed("file:///etc/passwd")).toBe(false);
    expect(allowed("http://127.0.0.1/")).toBe(false);
  });
});
