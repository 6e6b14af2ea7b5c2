import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { request } from "node:http";
import path from "node:path";
import type { Browser, Page } from "puppeteer";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { formatProblem } from "../../src/errors.js";
import { validateBrief } from "../../src/load/load-brief.js";
import { attachment } from "../../src/serve/outputs.js";
import { type PreviewServer, startServer } from "../../src/serve/server.js";
import { startBrowser } from "../helpers/browser.js";
import { pdfInfo } from "../helpers/pdf.js";
import { readPptx } from "../helpers/pptx.js";
import { tempDir } from "../helpers/temp.js";

// One server on a folder of 50 briefs, and one browser, for every case: the index of the
// folder, the downloads it links to, and the problem panel over a deck.

const sample = "briefings/putin-kim-summit-2024.yaml";
const original = readFileSync(sample, "utf8");
const hostile = "<img src=x onerror=alert(1)> {{deck.title}} &amp;";
const copies = 45;
let work: string;
let briefs: string;
let browser: Browser;
let server: PreviewServer;
let page: Page;
let firstIndexMs: number;
const violations: string[] = [];

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
  ms: number;
}

function get(
  rawPath: string,
  headers: Record<string, string> = {},
  to: PreviewServer = server,
): Promise<Answer> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: "127.0.0.1",
        port: to.port,
        path: rawPath,
        headers: { host: `127.0.0.1:${to.port}`, ...headers },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => chunks.push(chunk));
        res.on("end", () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks),
            ms: performance.now() - started,
          }),
        );
      },
    );
    req.on("error", reject);
    req.end();
  });
}

/** The broken version of a brief, and the lines `check` prints for it. */
async function broken(file: string): Promise<{ text: string; lines: string[] }> {
  const text = original.replace(/^subtitle: .*$/m, "subtitle: Deepening: [cooperation");
  const lines = (await validateBrief(file, text)).problems.map(formatProblem);
  return { text, lines };
}

beforeAll(async () => {
  work = await tempDir("serve-index");
  briefs = path.join(work, "briefs");
  mkdirSync(briefs);
  copyFileSync(sample, path.join(briefs, "summit.yaml"));
  copyFileSync(sample, path.join(briefs, "panel.yaml"));
  for (let i = 1; i <= copies; i++) {
    copyFileSync(sample, path.join(briefs, `copy-${String(i).padStart(2, "0")}.yaml`));
  }
  writeFileSync(
    path.join(briefs, "hostile.yaml"),
    original
      .replace(/^title: .*$/m, `title: ${JSON.stringify(hostile)}`)
      .replace(/^classification: .*$/m, `classification: ${JSON.stringify(`SECRET ${hostile}`)}`),
  );
  const bad = path.join(briefs, "broken.yaml");
  writeFileSync(bad, (await broken(bad)).text);
  writeFileSync(path.join(briefs, "never.yaml"), "title: [unclosed\n");
  // From the start of the server to its index: the browser starts after, so as not to compete.
  const started = performance.now();
  server = await startServer({ input: briefs, port: 0, host: "127.0.0.1" });
  await get("/");
  firstIndexMs = performance.now() - started;
  browser = await startBrowser();
  page = await browser.newPage();
  await page.setViewport({ width: 1280, height: 720 });
  await page.exposeFunction("reportViolation", (v: string) => violations.push(v));
  await page.evaluateOnNewDocument(() => {
    document.addEventListener("securitypolicyviolation", (e) =>
      (window as unknown as { reportViolation(v: string): void }).reportViolation(
        `${e.violatedDirective} ${e.blockedURI}`,
      ),
    );
  });
}, 180_000);

afterAll(async () => {
  await page?.close();
  await browser?.close();
  await server?.close();
});

/** What the index shows of each brief, by its name. */
const cards = () =>
  page.$$eval("[data-name]", (items) =>
    Object.fromEntries(
      items.map((item) => {
        const text = (selector: string) => item.querySelector(selector)?.textContent ?? null;
        const banner = item.querySelector(".brief__text .banner");
        const thumb = item.querySelector(".brief__thumb")?.getBoundingClientRect();
        return [
          item.getAttribute("data-name"),
          {
            title: text(".brief__title"),
            date: text(".brief__date"),
            events: text(".brief__events"),
            banner: banner && {
              text: banner.textContent,
              color: getComputedStyle(banner).backgroundColor,
            },
            thumbTitle: text(".brief__thumb .cover__title"),
            thumb: thumb && { width: thumb.width, height: thumb.height },
            problems: text(".problems"),
            links: [...item.querySelectorAll(".brief__links a")].map((a) => ({
              label: a.textContent,
              href: a.getAttribute("href"),
            })),
            elements: item.querySelectorAll(".brief__title a *, .brief__text .banner *").length,
          },
        ];
      }),
    ),
  );

describe("the index of a folder", () => {
  it("lists 50 briefs without printing a PDF", async () => {
    console.info(`${copies + 5} briefs, server start → index: ${firstIndexMs.toFixed(0)} ms`);
    // A PDF takes over a second to print: 50 of them would take minutes. The bound leaves
    // room for a machine busy with other tests.
    expect(firstIndexMs).toBeLessThan(20_000);
    const again = await get("/");
    console.info(`index, again: ${again.ms.toFixed(0)} ms`);
    expect(again.ms).toBeLessThan(2000);
    expect(again.body.toString().match(/data-name=/g)).toHaveLength(copies + 5);
  });

  it("shows each brief's title, date, events, banner, miniature and links", async () => {
    await page.goto(server.url, { waitUntil: "load" });
    await page.evaluate(() => document.fonts.ready.then(() => undefined));
    const all = await cards();
    const summit = all.summit;
    expect(summit).toMatchObject({
      title: "Putin–Kim summit in Pyongyang",
      date: "As of 19 June 2024",
      events: "9 events",
      banner: { text: "UNCLASSIFIED", color: "rgb(0, 122, 51)" },
      thumbTitle: "Putin–Kim summit in Pyongyang",
      thumb: { width: 320, height: 180 },
      problems: null,
    });
    expect(summit?.links).toEqual([
      { label: "Present", href: "/summit/" },
      { label: "PDF", href: "/summit/summit.pdf" },
      { label: "Handout", href: "/summit/summit-handout.pdf" },
      { label: "Single file", href: "/summit/summit.html" },
      { label: "PowerPoint", href: "/summit/summit.pptx" },
    ]);
    // The theme's font and colours, from the server itself.
    expect(
      await page.$eval(".brief__title", (h) => getComputedStyle(h).fontFamily.split(",")[0]),
    ).toBe('"Source Sans 3"');
    expect(await page.evaluate(() => document.fonts.check('700 24px "Source Sans 3"'))).toBe(true);
    expect(violations).toEqual([]);
  });

  it("shows markup and {{ in a title or classification as text", async () => {
    const { hostile: card } = await cards();
    expect(card?.title).toBe(hostile);
    expect(card?.thumbTitle).toBe(hostile);
    expect(card?.banner).toEqual({ text: `SECRET ${hostile}`, color: "rgb(200, 16, 46)" });
    expect(card?.elements).toBe(0);
    expect(await page.$$eval("img", (images) => images.length)).toBe(0);
  });

  it("lists a brief with problems, with their lines, and no links", async () => {
    const all = await cards();
    const { lines } = await broken(path.join(briefs, "broken.yaml"));
    expect(lines[0]).toMatch(/broken\.yaml:\d+:\d+: /);
    for (const line of lines) expect(all.broken?.problems).toContain(line);
    expect(all.broken?.links).toEqual([]);
    expect(all.never?.problems).toMatch(/never\.yaml:1:\d+: /);
    expect(all.never?.title).toBe("never");
    // A download asked for anyway leads to the page that waits for the fix.
    const pdf = await get("/broken/broken.pdf");
    expect(pdf.status).toBe(302);
    expect(pdf.headers.location).toBe("/broken/");
  });

  it("lists a brief added to the folder while it is open", async () => {
    copyFileSync(sample, path.join(briefs, "added.yaml"));
    await page.waitForSelector('[data-name="added"] .brief__links');
  });

  it("answers only this machine, under a policy as strict as the decks'", async () => {
    const index = await get("/");
    expect(index.headers["content-security-policy"]).toMatch(/default-src 'none'/);
    expect(index.headers["content-security-policy"]).not.toMatch(/unsafe|\*|http/);
    const evil = { host: `evil.example:${server.port}` };
    expect((await get("/", evil)).status).toBe(403);
    expect((await get("/summit/summit.pdf", evil)).status).toBe(403);
    expect((await get("/__briefing/index.css", evil)).status).toBe(403);
    expect((await get("/__briefing/theme/theme.css")).status).toBe(200);
    expect((await get("/__briefing/theme/%2e%2e/%2e%2e/package.json")).status).toBe(403);
    expect((await get("/__briefing/theme/deck.hbs")).status).toBe(404);
  });
});

describe("downloads", () => {
  let first: Answer;

  it("makes the PDF when asked, named after the deck, with a page per slide", async () => {
    first = await get("/summit/summit.pdf");
    console.info(`PDF, first request: ${first.ms.toFixed(0)} ms`);
    expect(first.status).toBe(200);
    expect(first.headers["content-type"]).toBe("application/pdf");
    expect(first.headers["content-disposition"]).toBe(
      `attachment; filename="summit.pdf"; filename*=UTF-8''summit.pdf`,
    );
    const file = path.join(work, "summit.pdf");
    writeFileSync(file, first.body);
    const slides = (await get("/summit/")).body.toString().match(/data-number="/g)?.length;
    expect(Number(pdfInfo(file).Pages)).toBe(slides);
    expect(pdfInfo(file).Title).toBe("Putin–Kim summit in Pyongyang");
  });

  it("serves it again from its cache, and not at all to a client that has it", async () => {
    const second = await get("/summit/summit.pdf");
    console.info(`PDF, second request: ${second.ms.toFixed(0)} ms`);
    expect(second.headers.etag).toBe(first.headers.etag);
    expect(second.body.equals(first.body)).toBe(true);
    expect(second.ms).toBeLessThan(first.ms / 4);
    const cached = await get("/summit/summit.pdf", { "if-none-match": String(first.headers.etag) });
    expect(cached.status).toBe(304);
    expect(cached.body.length).toBe(0);
  });

  it("makes it again after the brief is edited, and the open index shows the edit", async () => {
    const file = path.join(briefs, "summit.yaml");
    writeFileSync(file, original.replace(/^title: .*$/m, "title: Summit in Pyongyang"));
    // The open index shows the save by itself.
    await page.waitForFunction(
      () =>
        document.querySelector('[data-name="summit"] .brief__title')?.textContent ===
        "Summit in Pyongyang",
    );
    const edited = await get("/summit/summit.pdf");
    expect(edited.status).toBe(200);
    expect(edited.headers.etag).not.toBe(first.headers.etag);
    const out = path.join(work, "edited.pdf");
    writeFileSync(out, edited.body);
    expect(pdfInfo(out).Title).toBe("Summit in Pyongyang");
  });

  it("makes the handout and the single file, each under its own name", async () => {
    const handout = await get("/summit/summit-handout.pdf");
    expect(handout.headers["content-type"]).toBe("application/pdf");
    expect(handout.headers["content-disposition"]).toContain('filename="summit-handout.pdf"');
    const file = path.join(work, "handout.pdf");
    writeFileSync(file, handout.body);
    expect(pdfInfo(file)["Page size"]).toMatch(/\(A4\)/);
    const single = await get("/summit/summit.html");
    expect(single.headers["content-type"]).toBe("text/html; charset=utf-8");
    expect(single.headers["content-disposition"]).toContain('filename="summit.html"');
    expect(single.body.toString()).toContain("Summit in Pyongyang");
    expect(single.body.toString()).not.toContain("/__briefing/");
    const pptx = await get("/summit/summit.pptx");
    expect(pptx.headers["content-type"]).toBe(
      "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    );
    expect(pptx.headers["content-disposition"]).toContain('filename="summit.pptx"');
    const core = (await readPptx(pptx.body)).xml.get("docProps/core.xml");
    expect(core).toContain("<dc:title>Summit in Pyongyang</dc:title>");
  });

  it("says why, in the tool's words, when no browser can print it", async () => {
    const alone = path.join(work, "alone");
    mkdirSync(alone);
    copyFileSync(sample, path.join(alone, "one.yaml"));
    const missing = path.join(work, "no-such-browser");
    const other = await startServer({
      input: alone,
      port: 0,
      host: "127.0.0.1",
      browserPath: missing,
    });
    try {
      const pdf = await get("/one/one.pdf", {}, other);
      expect(pdf.status).toBe(503);
      expect(pdf.body.toString()).toContain(missing);
      // What needs no browser is still made.
      expect((await get("/one/one.html", {}, other)).status).toBe(200);
    } finally {
      await other.close();
    }
  });

  it("names a download in full, and in ASCII for clients that need it", () => {
    expect(attachment("черноморский флот.pdf")).toBe(
      `attachment; filename="____________ ____.pdf"; filename*=UTF-8''${encodeURIComponent("черноморский флот.pdf")}`,
    );
    expect(attachment(`a "b" 100%.pdf`)).toBe(
      `attachment; filename="a _b_ 100_.pdf"; filename*=UTF-8''a%20%22b%22%20100%25.pdf`,
    );
  });
});

describe("the problem panel over a deck", () => {
  const coverage = () =>
    page.evaluate(() => {
      const reveal = (window as unknown as { Reveal: { getCurrentSlide(): Element } }).Reveal;
      const banner = reveal.getCurrentSlide().querySelector(".banner--bottom") as Element;
      const panel = document.getElementById("briefing-problems") as Element;
      const b = banner.getBoundingClientRect();
      const p = panel.getBoundingClientRect();
      const hit = document.elementFromPoint(b.left + b.width / 2, b.top + b.height / 2);
      return {
        atCentre: hit === banner || banner.contains(hit),
        overlap: p.bottom > b.top && p.top < b.bottom && p.right > b.left && p.left < b.right,
        panelHeight: p.height,
      };
    });

  it("leaves the bottom classification banner in view", async () => {
    const file = path.join(briefs, "panel.yaml");
    await page.goto(`${server.url}panel/`, { waitUntil: "load" });
    await page.waitForFunction(() =>
      (window as unknown as { Reveal?: { isReady(): boolean } }).Reveal?.isReady(),
    );
    writeFileSync(file, (await broken(file)).text);
    await page.waitForFunction(() => document.getElementById("briefing-problems") !== null);
    expect(await coverage()).toMatchObject({ atCentre: true, overlap: false });
    // Also where the slide does not fill the window, and the banner is not at its bottom.
    await page.setViewport({ width: 900, height: 800 });
    await page.waitForFunction(() => {
      const banner = document.querySelector(".present .banner--bottom")?.getBoundingClientRect();
      return banner && banner.bottom < 700;
    });
    const letterboxed = await coverage();
    expect(letterboxed).toMatchObject({ atCentre: true, overlap: false });
    expect(letterboxed.panelHeight).toBeGreaterThan(40);
    writeFileSync(file, original);
    await page.waitForFunction(() => document.getElementById("briefing-problems") === null);
  });

  it("is not laid over the page of a brief that has no deck yet, which shows each save's problems", async () => {
    const file = path.join(briefs, "never.yaml");
    await page.goto(`${server.url}never/`, { waitUntil: "load" });
    const shown = () => page.$eval(".problems", (pre) => pre.textContent);
    expect(await shown()).toMatch(/never\.yaml:1:\d+: /);
    writeFileSync(file, "title: x\n\n\nnot: [closed\n");
    await page.waitForFunction(
      () => document.querySelector(".problems")?.textContent?.includes(":4:"),
      { timeout: 10_000 },
    );
    expect(await page.$("#briefing-problems")).toBeNull();
  });
});
