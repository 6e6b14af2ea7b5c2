import { readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { Browser, Page, Target } from "puppeteer";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { build } from "../../src/build.js";
import { startBrowser } from "../helpers/browser.js";
import { type Loopback, startLoopback } from "../helpers/loopback.js";
import { tempDir } from "../helpers/temp.js";

const sample = "briefings/putin-kim-summit-2024.yaml";
const note = "benchmark analysts measure";
let browser: Browser;
let server: Loopback;
let work: string;
let index: string;
let single: string;

type Reveal = { isReady(): boolean; getIndices(): { h: number } };
declare global {
  interface Window {
    __violations?: string[];
    __ran?: boolean;
    __messages?: number;
  }
}

beforeAll(async () => {
  work = await tempDir("csp");
  const [result] = await build([sample], {
    outDir: path.join(work, "dist"),
    pdf: false,
    singleFile: true,
  });
  index = result?.html as string;
  single = result?.singleFile as string;
  [browser, server] = await Promise.all([startBrowser(), startLoopback()]);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** The policy of a page, directive → sources. */
function policyOf(html: string): Map<string, string[]> {
  const content = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)?.[1];
  expect(content).toBeDefined();
  return new Map(
    (content as string)
      .replace(/&#x27;/g, "'")
      .replace(/&#x3D;/g, "=")
      .split(";")
      .map((part) => {
        const [name, ...sources] = part.trim().split(/\s+/);
        return [name as string, sources];
      }),
  );
}

/** Opens a file as a user would (no request interception), recording CSP violations. */
async function open<T>(file: string, fn: (page: Page) => Promise<T>): Promise<T> {
  const page = await browser.newPage();
  try {
    await page.evaluateOnNewDocument(() => {
      document.addEventListener("securitypolicyviolation", (e) => {
        window.__violations ??= [];
        window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`);
      });
      // Counted before the deck's own listener can stop them: once the count is in, each
      // message has been handled (or refused) to the end.
      window.addEventListener(
        "message",
        () => {
          window.__messages = (window.__messages ?? 0) + 1;
        },
        true,
      );
    });
    await page.setViewport({ width: 1280, height: 720 });
    await page.goto(pathToFileURL(file).href, { waitUntil: "load" });
    return await fn(page);
  } finally {
    for (const p of await browser.pages()) await p.close().catch(() => {});
  }
}

const ready = (page: Page) =>
  page.waitForFunction(() => (window as unknown as { Reveal?: Reveal }).Reveal?.isReady());
const violations = (page: Page) => page.evaluate(() => window.__violations ?? []);

/**
 * Waits until the page has refused the hostile deck's five requests (its inline script, image,
 * script, frame and object), or 5 s; whatever got through has then had its chance too.
 */
const refusedHostile = (page: Page) =>
  page
    .waitForFunction(() => (window.__violations?.length ?? 0) >= 5, { timeout: 5_000 })
    .catch(() => {});

/** Presses S and returns the speaker view's notes once they show. */
async function speakerNotes(page: Page): Promise<string | null | undefined> {
  const opened = new Promise<Page | null>((resolve) =>
    browser.once("targetcreated", (target: Target) => resolve(target.page())),
  );
  await page.keyboard.press("s");
  const speaker = await opened;
  await speaker?.waitForFunction(() => document.querySelector("#current-slide iframe") !== null, {
    timeout: 15_000,
  });
  await speaker
    ?.waitForFunction(
      () => document.querySelector(".speaker-controls-notes .value")?.textContent?.trim(),
      { timeout: 15_000 },
    )
    .catch(() => {});
  return speaker?.$eval(".speaker-controls-notes .value", (el) => el.textContent);
}

/** A copy of `file` beside it with `html` added before </body>: a hand-edited, hostile deck. */
function tampered(file: string, html: string, edit = (text: string) => text): string {
  const copy = file.replace(/\.html$/, "-tampered.html");
  const text = edit(readFileSync(file, "utf8"));
  // The last </body>: reveal's notes plugin carries one of its own, inside a script.
  const at = text.lastIndexOf("</body>");
  writeFileSync(copy, `${text.slice(0, at)}${html}${text.slice(at)}`);
  return copy;
}

const hostile = () =>
  `<script>window.__ran = true; fetch("${server.url}/inline");</script>` +
  `<img src="${server.url}/image.png"><script src="${server.url}/x.js"></script>` +
  `<iframe src="${server.url}/frame"></iframe><object data="${server.url}/object"></object>`;

describe("the deck's Content-Security-Policy", () => {
  it("index.html: its own files only, no network, no inline script but the speaker view's", () => {
    const policy = policyOf(readFileSync(index, "utf8"));
    expect(policy.get("default-src")).toEqual(["'none'"]);
    expect(policy.get("script-src")?.[0]).toBe("'self'");
    expect(policy.get("script-src")?.slice(1)).toHaveLength(1);
    expect(policy.get("script-src")?.[1]).toMatch(/^'sha256-[A-Za-z0-9+/]+=*'$/);
    expect(policy.get("style-src")).toEqual(["'self'", "'unsafe-inline'"]);
    expect(policy.get("img-src")).toEqual(["'self'", "data:"]);
    expect(policy.get("font-src")).toEqual(["'self'", "data:"]);
    expect(policy.get("connect-src")).toEqual(["'none'"]);
    for (const none of ["base-uri", "form-action", "object-src"])
      expect(policy.get(none)).toEqual(["'none'"]);
  });

  it("index.html presents, speaker view and notes included, with no violation", async () => {
    await open(index, async (page) => {
      await ready(page);
      await page.keyboard.press("ArrowRight");
      await page.keyboard.press("ArrowRight");
      await page.keyboard.press("ArrowRight");
      expect(await speakerNotes(page)).toContain(note);
      expect(await violations(page)).toEqual([]);
    });
  });

  it("a hand-edited index.html runs no inline script and reaches no server", async () => {
    await open(tampered(index, hostile()), async (page) => {
      await ready(page);
      await refusedHostile(page);
      expect(await page.evaluate(() => window.__ran)).toBeUndefined();
      expect(server.hits).toEqual([]);
      expect((await violations(page)).length).toBeGreaterThanOrEqual(4);
    });
  });
});

describe("the one-file deck, the one that is emailed", () => {
  it("allows exactly its own inline scripts, by hash, and nothing from outside itself", () => {
    const html = readFileSync(single, "utf8");
    const policy = policyOf(html);
    const hashes = policy.get("script-src") ?? [];
    // reveal.js, its notes plugin and deck.js, plus the speaker view's script (written into
    // the view's own window); the test below counts them in the browser.
    expect(hashes).toHaveLength(4);
    for (const hash of hashes) expect(hash).toMatch(/^'sha256-/);
    for (const directive of ["style-src", "img-src", "font-src"])
      expect(policy.get(directive)).not.toContain("'self'");
    expect(policy.get("connect-src")).toEqual(["'none'"]);
    expect(policy.get("default-src")).toEqual(["'none'"]);
  });

  it("holds no local path, no live-reload code and, by default, no speaker notes", () => {
    const html = readFileSync(single, "utf8");
    // (Checked with includes, so that a failure does not print 400 KiB.)
    for (const local of [process.cwd(), work, os.tmpdir(), os.homedir(), "file:///"])
      expect(html.includes(local), local).toBe(false);
    for (const live of ["__briefing", "EventSource", "live.js"])
      expect(html.includes(live), live).toBe(false);
    expect(html.includes('class="notes"')).toBe(false);
    expect(html.includes(note)).toBe(false);
    // The deck beside it keeps them: it is the presenter's.
    expect(readFileSync(index, "utf8")).toContain(note);
  });

  it("presents with no violation; a hand-edited copy runs no inline script and reaches no server", async () => {
    await open(single, async (page) => {
      await ready(page);
      expect(await violations(page)).toEqual([]);
      expect(await page.evaluate(() => [...document.scripts].filter((s) => !s.src).length)).toBe(3);
    });
    await open(tampered(single, hostile()), async (page) => {
      await ready(page);
      await refusedHostile(page);
      expect(await page.evaluate(() => window.__ran)).toBeUndefined();
      expect(server.hits).toEqual([]);
    });
  });

  it("ignores reveal's postMessage API and the notes plugin's calls from another frame", async () => {
    // A page that frames the deck and tries to drive it, as any site or mail client could.
    const frameIt = (deck: string) => {
      const parent = path.join(path.dirname(deck), `frame-${path.basename(deck)}`);
      writeFileSync(
        parent,
        `<!doctype html><iframe src="${path.basename(deck)}" width="1280" height="720"></iframe>`,
      );
      return parent;
    };
    const driven = async (deck: string) =>
      open(frameIt(deck), async (page) => {
        const frame = page.frames()[1];
        await frame?.waitForFunction(() =>
          (window as unknown as { Reveal?: Reveal }).Reveal?.isReady(),
        );
        await page.evaluate(() => {
          const target = document.querySelector("iframe")?.contentWindow;
          target?.postMessage(JSON.stringify({ method: "slide", args: [3] }), "*");
          target?.postMessage(
            JSON.stringify({ namespace: "reveal-notes", type: "heartbeat" }),
            "*",
          );
          target?.postMessage(
            JSON.stringify({
              namespace: "reveal-notes",
              type: "call",
              methodName: "slide",
              arguments: [4],
            }),
            "*",
          );
        });
        await frame?.waitForFunction(() => (window.__messages ?? 0) >= 3);
        return frame?.evaluate(
          () => (window as unknown as { Reveal: Reveal }).Reveal.getIndices().h,
        );
      });
    expect(await driven(single)).toBe(0);
    // With the deck's guard of reveal's API taken out, the same test moves it: it can fail.
    const switchedOn = tampered(single, "", (text) =>
      text
        .replace(/<meta http-equiv="Content-Security-Policy"[^>]*>/, "")
        .replace("event.stopImmediatePropagation()", "0"),
    );
    expect(await driven(switchedOn)).toBe(3);
  });
});
