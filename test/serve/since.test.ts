import { copyFileSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { Browser, Page } from "puppeteer";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BriefingError } from "../../src/errors.js";
import { type PreviewServer, startServer } from "../../src/serve/server.js";
import { startBrowser } from "../helpers/browser.js";
import { repoWithBrief } from "../helpers/git.js";
import { pdfPages } from "../helpers/pdf.js";
import { tempDir } from "../helpers/temp.js";

const earlier = "test/fixtures/since/earlier.yaml";
const later = "test/fixtures/since/later.yaml";
let browser: Browser;
let server: PreviewServer;
let page: Page;
let brief: string;
let old: string;

const changesText = (p: Page) =>
  p.evaluate(() => document.querySelector("section.slide--changes")?.textContent ?? "");
const waitForChanges = (p: Page, text: string) =>
  p.waitForFunction(
    (wanted) => document.querySelector("section.slide--changes")?.textContent?.includes(wanted),
    { timeout: 20_000 },
    text,
  );

beforeAll(async () => {
  const work = await tempDir("serve-since");
  brief = path.join(work, "brief.yaml");
  old = path.join(work, "old.yaml");
  copyFileSync(later, brief);
  copyFileSync(earlier, old);
  [browser, server] = await Promise.all([
    startBrowser(),
    startServer({ input: brief, port: 0, host: "127.0.0.1", since: old }),
  ]);
  page = await browser.newPage();
  await page.setViewport({ width: 1280, height: 720 });
});

afterAll(async () => {
  await page?.close();
  await browser?.close();
  await server?.close();
});

describe("briefing serve --since", () => {
  it("shows the slide of what changed since the earlier brief", async () => {
    await page.goto(`${server.url}brief/#/changes`, { waitUntil: "load" });
    await waitForChanges(page, "What changed since 12 June 2024");
    expect(await changesText(page)).toContain("(was: unlikely · Low confidence)");
  });

  it("compares again when the brief is saved", async () => {
    const text = readFileSync(later, "utf8");
    writeFileSync(brief, text.replace("likelihood: likely", "likelihood: almost certain"));
    await waitForChanges(page, "almost certain · Moderate confidence");
    expect(await changesText(page)).toContain("(was: unlikely · Low confidence)");
  });

  it("puts the slide in a PDF made for a download", async () => {
    const response = await fetch(`${server.url}brief/brief.pdf`);
    expect(response.status).toBe(200);
    const pdf = path.join(path.dirname(brief), "download.pdf");
    writeFileSync(pdf, Buffer.from(await response.arrayBuffer()));
    const slide = pdfPages(pdf)[2]?.replace(/\s+/g, " ");
    expect(slide).toContain("What changed since 12 June 2024");
    expect(slide).toContain("(was: unlikely · Low confidence)");
  });

  it("compares again when the earlier brief is saved", async () => {
    writeFileSync(old, readFileSync(brief, "utf8"));
    await waitForChanges(page, "No change in key judgments");
    expect(await changesText(page)).toContain("What changed since 19 June 2024");
    expect(await changesText(page)).not.toContain("was:");
  });
});

describe("briefing serve --since, an earlier brief gone wrong", () => {
  it("keeps the last good deck under the panel that names its problem, until it is put right", async () => {
    writeFileSync(old, readFileSync("test/fixtures/since/invalid-earlier.yaml", "utf8"));
    await page.waitForFunction(
      (file) => document.getElementById("briefing-problems")?.textContent?.includes(`${file}:5:13`),
      { timeout: 20_000 },
      old,
    );
    expect(await changesText(page)).toContain("No change in key judgments");
    writeFileSync(old, readFileSync(earlier, "utf8"));
    await waitForChanges(page, "What changed since 12 June 2024");
    await page.waitForFunction(() => !document.getElementById("briefing-problems"));
  });
});

describe("briefing serve --since git:REV", () => {
  it("shows each brief of a folder compared with its own file at the revision", async () => {
    const dir = await tempDir("serve-since-git");
    repoWithBrief(dir, earlier, later);
    const served = await startServer({ input: dir, port: 0, host: "127.0.0.1", since: "git:HEAD" });
    try {
      const html = await (await fetch(`${served.url}brief/`)).text();
      expect(html).toContain("What changed since 12 June 2024");
    } finally {
      await served.close();
    }
  });

  it("refuses one earlier file for a folder of briefs", async () => {
    const dir = await tempDir("serve-since-folder");
    copyFileSync(later, path.join(dir, "brief.yaml"));
    const refused = startServer({ input: dir, port: 0, host: "127.0.0.1", since: earlier });
    await expect(refused).rejects.toBeInstanceOf(BriefingError);
    await expect(refused).rejects.toMatchObject({ kind: "usage" });
  });
});
