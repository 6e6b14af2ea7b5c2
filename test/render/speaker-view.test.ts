import { copyFileSync, mkdirSync, readFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { Browser, Frame, Page } from "puppeteer";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { build } from "../../src/build.js";
import { type PreviewServer, startServer } from "../../src/serve/server.js";
import { startBrowser } from "../helpers/browser.js";
import { tempDir } from "../helpers/temp.js";

const sample = "briefings/putin-kim-summit-2024.yaml";
let browser: Browser;
let deck: string;
let single: string;
let served: PreviewServer;

type Indices = { h: number; v: number };
declare global {
  interface Window {
    Reveal?: { isReady(): boolean; getIndices(): Indices };
    __messages?: number;
  }
}

beforeAll(async () => {
  const work = await tempDir("speaker");
  mkdirSync(path.join(work, "briefs"));
  copyFileSync(sample, path.join(work, "briefs", "summit.yaml"));
  const [[result], server, started] = await Promise.all([
    build([path.join(work, "briefs", "summit.yaml")], {
      outDir: path.join(work, "dist"),
      pdf: false,
      singleFile: true,
      notes: true,
    }),
    startServer({ input: path.join(work, "briefs"), port: 0, host: "127.0.0.1" }),
    startBrowser(),
  ]);
  deck = result?.html as string;
  single = result?.singleFile as string;
  served = server;
  browser = started;
});

/** What a test started and the end of the file stops. */
const after: (() => Promise<void>)[] = [];

afterAll(async () => {
  for (const stop of after) await stop();
  await browser?.close();
  await served?.close();
});

/** Opens a page at `url` and waits until reveal is ready in each of `frames` of it. */
async function open(url: string, frames = (page: Page) => [page.mainFrame()]): Promise<Page> {
  const page = await browser.newPage();
  // Each test loads the deck three times (itself and two previews): on a loaded machine, slowly.
  page.setDefaultTimeout(60_000);
  await page.setViewport({ width: 1280, height: 720 });
  // Counts the messages each frame gets, before the deck's own listener can stop them: once
  // the count is in, each has been handled (or refused) to the end.
  await page.evaluateOnNewDocument(() => {
    window.addEventListener(
      "message",
      () => {
        window.__messages = (window.__messages ?? 0) + 1;
      },
      true,
    );
  });
  await page.goto(url, { waitUntil: "load" });
  for (const frame of frames(page)) await frame.waitForFunction(() => window.Reveal?.isReady());
  return page;
}

const indices = (frame: Frame) => frame.evaluate(() => window.Reveal?.getIndices() ?? null);

/**
 * Presses S in the deck on `page`, steps three slides on in the deck itself (after reloading it,
 * if asked) and returns where the deck and the speaker view's two previews then are.
 */
async function presentThreeSlides(page: Page, options: { reload?: boolean } = {}) {
  try {
    const popup = new Promise<Page | null>((resolve) => page.once("popup", resolve));
    await page.keyboard.press("s");
    const speaker = (await popup) as Page;
    // Poll rather than wait for animation frames: a window behind another gets few of them.
    const polling = 100;
    const preview = async (id: string) => {
      const element = await speaker.waitForSelector(`#${id} iframe`, { timeout: 15_000 });
      const frame = (await element?.contentFrame()) as Frame;
      await frame.waitForFunction(() => window.Reveal?.isReady(), { polling, timeout: 15_000 });
      return frame;
    };
    const [current, upcoming] = [await preview("current-slide"), await preview("upcoming-slide")];
    if (options.reload) {
      await page.reload({ waitUntil: "load" });
      await page.waitForFunction(() => window.Reveal?.isReady(), { polling });
    }
    for (let i = 0; i < 3; i++) {
      const before = JSON.stringify(await indices(page.mainFrame()));
      await page.keyboard.press("ArrowRight");
      await page.waitForFunction(
        (b) => JSON.stringify(window.Reveal?.getIndices()) !== b,
        { polling },
        before,
      );
    }
    const deckAt = (await indices(page.mainFrame())) as Indices;
    // The view is told of each change, debounced: wait for the previews to catch up, or not.
    const reached = (frame: Frame, atLeast: Indices, beyond: boolean) =>
      frame
        .waitForFunction(
          (h, v, beyond) => {
            const at = window.Reveal?.getIndices() ?? { h: -1, v: -1 };
            return at.h > h || (at.h === h && (beyond ? at.v > v : at.v === v));
          },
          { polling, timeout: 5_000 },
          atLeast.h,
          atLeast.v,
          beyond,
        )
        .catch(() => {});
    await reached(current, deckAt, false);
    await reached(upcoming, deckAt, true);
    return { deck: deckAt, current: await indices(current), upcoming: await indices(upcoming) };
  } finally {
    for (const p of await browser.pages()) await p.close().catch(() => {});
  }
}

/** Whether slide `a` comes after slide `b` in the deck's linear order. */
const comesAfter = (a: Indices | null, b: Indices | null) =>
  a !== null && b !== null && (a.h > b.h || (a.h === b.h && a.v > b.v));

describe("the speaker view", { timeout: 180_000 }, () => {
  it("follows the deck folder's index.html, opened from file://, reloaded too", async () => {
    const page = await open(pathToFileURL(deck).href);
    const at = await presentThreeSlides(page, { reload: true });
    expect(at.deck).not.toEqual({ h: 0, v: 0 });
    expect(at.current).toEqual(at.deck);
    expect(comesAfter(at.upcoming, at.current)).toBe(true);
  });

  it("follows the one-file deck, opened from file://", async () => {
    const at = await presentThreeSlides(await open(pathToFileURL(single).href));
    expect(at.current).toEqual(at.deck);
    expect(comesAfter(at.upcoming, at.current)).toBe(true);
  });

  it("follows the one-file deck opened from a blob: URL, which no URL loads again", async () => {
    // As a web mail may open an attachment: a page of its own makes the file a blob and opens it.
    // The blob keeps that page's Content-Security-Policy: a mail page with none, as most have.
    const mail: Server = createServer((_, response) => {
      response.writeHead(200, { "content-type": "text/html" });
      response.end("<!doctype html><title>Mail</title>");
    });
    await new Promise<void>((resolve) => mail.listen(0, "127.0.0.1", resolve));
    after.push(() => {
      mail.closeAllConnections();
      return new Promise((resolve) => mail.close(() => resolve()));
    });
    const page = await open(`http://127.0.0.1:${(mail.address() as AddressInfo).port}/`, () => []);
    await Promise.all([
      page.waitForNavigation(),
      page.evaluate(
        (html) => {
          window.location.href = URL.createObjectURL(new Blob([html], { type: "text/html" }));
        },
        readFileSync(single, "utf8"),
      ),
    ]);
    await page.waitForFunction(() => window.Reveal?.isReady());
    expect(page.url()).toMatch(/^blob:/);
    const at = await presentThreeSlides(page);
    expect([at.current, comesAfter(at.upcoming, at.current)]).toEqual([at.deck, true]);
  });

  it("follows the deck that briefing serve serves", async () => {
    const at = await presentThreeSlides(await open(`${served.url}summit/`));
    expect([at.current, comesAfter(at.upcoming, at.current)]).toEqual([at.deck, true]);
  });
});

describe("a page that frames the deck", () => {
  it("cannot drive it by postMessage, as the deck or as a speaker view's preview", async () => {
    // Another origin, as any web site is: it frames the served deck, once asking for reveal's
    // API by the URL (reveal reads its settings from the query) and once as a preview.
    const deckUrl = `${served.url}summit/`;
    const framer: Server = createServer((_, response) => {
      response.writeHead(200, { "content-type": "text/html" });
      response.end(
        `<!doctype html><iframe src="${deckUrl}?postMessage=true"></iframe>` +
          `<iframe src="${deckUrl}?receiver&postMessageEvents=true"></iframe>`,
      );
    });
    await new Promise<void>((resolve) => framer.listen(0, "127.0.0.1", resolve));
    try {
      const url = `http://127.0.0.1:${(framer.address() as AddressInfo).port}/`;
      const page = await open(url, (page) => page.frames().slice(1));
      const frames = page.frames().slice(1);
      await page.evaluate(() => {
        for (const frame of document.querySelectorAll("iframe")) {
          for (const message of [
            { method: "slide", args: [3] },
            { method: "setState", args: [{ indexh: 4, indexv: 0 }] },
            { namespace: "reveal-notes", type: "heartbeat" },
            {
              namespace: "reveal-notes",
              type: "call",
              callId: 1,
              methodName: "slide",
              arguments: [5],
            },
          ])
            frame.contentWindow?.postMessage(JSON.stringify(message), "*");
        }
      });
      await Promise.all(
        frames.map((frame) => frame.waitForFunction(() => (window.__messages ?? 0) >= 4)),
      );
      expect(await Promise.all(frames.map((frame) => indices(frame)))).toEqual([
        { h: 0, v: 0 },
        { h: 0, v: 0 },
      ]);
    } finally {
      for (const p of await browser.pages()) await p.close().catch(() => {});
      framer.closeAllConnections();
      await new Promise((resolve) => framer.close(resolve));
    }
  });
});
