import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { Browser } from "puppeteer";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type PreviewServer, startServer } from "../../src/serve/server.js";
import { startBrowser } from "../helpers/browser.js";
import { tempDir } from "../helpers/temp.js";

const sample = readFileSync("briefings/putin-kim-summit-2024.yaml", "utf8");
let browser: Browser;
let server: PreviewServer;

beforeAll(async () => {
  const briefs = path.join(await tempDir("serve-markings"), "briefs");
  mkdirSync(briefs);
  for (const [name, marking] of [
    ["amber", "TLP:AMBER"],
    ["secret", "SECRET//NOFORN"],
    ["plain", "UNCLASSIFIED"],
  ]) {
    const brief = sample.replace(/^classification: .*$/m, `classification: "${marking}"`);
    writeFileSync(path.join(briefs, `${name}.yaml`), brief);
  }
  server = await startServer({
    input: briefs,
    port: 0,
    host: "127.0.0.1",
    look: {
      markings: {
        "TLP:AMBER": { background: "#222222", color: "#ffc000" },
        SECRET: { background: "#00ff00" },
      },
    },
  });
  browser = await startBrowser();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe("the index's cards under the project's markings", () => {
  it("draws each card's banners, and its miniature's, in the config file's colours", async () => {
    const page = await browser.newPage();
    const violations: string[] = [];
    page.on("console", (message) => {
      if (/Content Security Policy/.test(message.text())) violations.push(message.text());
    });
    await page.goto(server.url, { waitUntil: "load" });
    const banners = await page.$$eval("[data-name]", (items) =>
      Object.fromEntries(
        items.map((item) => [
          item.getAttribute("data-name"),
          [...item.querySelectorAll(".banner")].map((b) => {
            const style = getComputedStyle(b);
            return `${b.textContent} ${style.backgroundColor} ${style.color}`;
          }),
        ]),
      ),
    );
    await page.close();
    expect(banners).toEqual({
      amber: Array(3).fill("TLP:AMBER rgb(34, 34, 34) rgb(255, 192, 0)"),
      secret: Array(3).fill("SECRET//NOFORN rgb(0, 255, 0) rgb(0, 0, 0)"),
      plain: Array(3).fill("UNCLASSIFIED rgb(0, 122, 51) rgb(255, 255, 255)"),
    });
    expect(violations).toEqual([]);
  });
});
