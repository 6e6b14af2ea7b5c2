import { execFileSync, spawn } from "node:child_process";
import { closeSync, constants, openSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { Page } from "puppeteer";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { printToPdf } from "../../src/browser/print-to-pdf.js";
import { BrowserSession } from "../../src/browser/session.js";
import { BriefingError } from "../../src/errors.js";
import { lookAt, openPrintDocument } from "../../src/export/pdf.js";
import { pdfPages } from "../helpers/pdf.js";
import { tempDir } from "../helpers/temp.js";

// What Puppeteer says when it gives up: never what the user reads.
const puppeteerWords = /protocolTimeout|timed out|Target closed|Navigation timeout|TimeoutError/;

// Puppeteer's own limit on a call (its protocolTimeout) comes from this: 10.1 s.
const session = new BrowserSession({ timeout: 100 });
let folder: string;

beforeAll(async () => {
  await session.browser();
  folder = await tempDir("step");
});

afterAll(async () => {
  await session[Symbol.asyncDispose]();
});

/** What `work` with a guarded page of `folder` failed with, and how long it took. */
async function failureOf(work: (page: Page) => Promise<unknown>) {
  let started = 0;
  // The page opens with the default limit: a busy machine takes more than 0.5 s for that.
  const error = await session
    .withPage({ folder }, (page) => {
      started = Date.now();
      return work(page);
    })
    .then(
      () => undefined,
      (thrown: unknown) => thrown,
    );
  expect(error).toBeInstanceOf(BriefingError);
  expect((error as BriefingError).kind).toBe("environment");
  expect((error as Error).message).not.toMatch(puppeteerWords);
  return { message: (error as Error).message, took: Date.now() - started };
}

describe("a step of a page that takes too long", () => {
  it("an image that never finishes loading: names the step and the image, within the timeout", async () => {
    // A named pipe nobody writes to: Chromium waits for its bytes for ever.
    execFileSync("mkfifo", [path.join(folder, "never.png")]);
    const file = path.join(folder, "deck.html");
    writeFileSync(
      file,
      '<!doctype html><div class="pdf-page">one</div><div class="pdf-page"><img src="never.png"></div>',
    );
    // Long after the step has failed (it has 0.5 s), the pipe is opened and closed from this
    // end, so that Chromium, whose thread blocks in opening it, can close the page; it is tried
    // until the test is over, since on a busy machine Chromium may reach the pipe late.
    let unblock: ReturnType<typeof setInterval> | undefined;
    const later = setTimeout(() => {
      unblock = setInterval(() => {
        try {
          const fifo = path.join(folder, "never.png");
          closeSync(openSync(fifo, constants.O_WRONLY | constants.O_NONBLOCK));
        } catch {
          // No reader yet.
        }
      }, 500);
    }, 4_000);
    const { message, took } = await failureOf((page) => openPrintDocument(page, file, 500)).finally(
      () => {
        clearTimeout(later);
        clearInterval(unblock);
      },
    );
    expect(message).toBe(
      "loading its images took longer than the 0.5 s timeout; still waiting for never.png (page 2)",
    );
    // Its page may only close once the pipe is opened, 4 s in: far below the default limit of
    // a minute a step, which a wait not under the step's own limit would have run into.
    expect(took).toBeLessThan(15_000);
  });

  it("a look at the slides that never returns: names the step, within the timeout", async () => {
    const { message, took } = await failureOf((page) =>
      lookAt(page, 300, () => page.evaluate(() => new Promise<void>(() => {}))),
    );
    expect(message).toBe("laying out the slides took longer than the 0.3 s timeout");
    expect(took).toBeLessThan(2_000);
  });
});

describe("a print that takes longer than Puppeteer waits for a call", () => {
  it("is not cut off: it has a limit of its own", async () => {
    const file = path.join(folder, "slow.html");
    writeFileSync(file, "<!doctype html><p>Printed after a long wait</p>");
    const pdf = await session.withPage({ folder }, async (page) => {
      await page.goto(`file://${file}`);
      // The page's thread is busy for longer than Puppeteer's 10.1 s; the print waits for it.
      await page.evaluate(() => {
        setTimeout(() => {
          const end = Date.now() + 11_000;
          while (Date.now() < end);
        });
      });
      return printToPdf(page, 30_000);
    });
    const out = path.join(folder, "slow.pdf");
    writeFileSync(out, pdf);
    expect(pdfPages(out)[0]).toContain("Printed after a long wait");
  }, 40_000);
});

describe("a build whose page could not open in time, called as a library", () => {
  // Run on the built library (npm run build:ts), in a process of its own whose exit is timed.
  const script = `
    const { build } = await import(${JSON.stringify(path.resolve("lib/build.js"))});
    const [brief, outDir] = process.argv.slice(1);
    const [result] = await build([brief], { outDir, pdf: true, timeout: 50, force: true });
    console.log(result.failure?.message ?? "built");
  `;

  /** How long the process lived on after `build` resolved, and what the build said. */
  const lingering = (outDir: string) =>
    new Promise<{ said: string; ms: number }>((resolve, reject) => {
      const child = spawn(
        process.execPath,
        ["--input-type=module", "-e", script, "briefings/putin-kim-summit-2024.yaml", outDir],
        { stdio: ["ignore", "pipe", "inherit"] },
      );
      let said = "";
      let resolvedAt = 0;
      child.stdout.on("data", (chunk) => {
        said += chunk;
        resolvedAt ||= Date.now();
      });
      child.on("error", reject);
      child.on("close", () => resolve({ said: said.trim(), ms: Date.now() - resolvedAt }));
    });

  it("lets the caller's process exit at once", async () => {
    const outDir = await tempDir("step-library");
    // Not every run has Puppeteer still waiting for the page when the browser goes (about a
    // third did before the fix).
    for (let i = 0; i < 8; i++) {
      const { said, ms } = await lingering(outDir);
      expect(said).toBe("opening a page took longer than the 0.05 s timeout");
      expect(ms).toBeLessThan(10_000);
    }
  }, 120_000);
});
