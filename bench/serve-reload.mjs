// Save → updated slide in `briefing serve`, measured in real Chromium on the sample brief.
// Part of `npm run bench`; alone, after `npm run build:ts`: node bench/serve-reload.mjs [saves]
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { launchBrowser } from "../lib/browser/browser.js";
import { findBrowser } from "../lib/browser/find-browser.js";
import { startServer } from "../lib/serve/server.js";

const sample = fileURLToPath(new URL("../briefings/putin-kim-summit-2024.yaml", import.meta.url));

/**
 * Saves the brief `saves` times while a page shows it; returns, per save, the time until the
 * new text is on the slide (`total`) and the server's part: reading, checking, rendering the
 * brief and telling the page (`server`).
 */
export async function measureServeReload(saves) {
  const work = mkdtempSync(path.join(os.tmpdir(), "briefing-bench-serve-"));
  const brief = path.join(work, "brief.yaml");
  copyFileSync(sample, brief);
  const original = readFileSync(sample, "utf8");
  const server = [];
  const [browser, preview] = await Promise.all([
    findBrowser(undefined).then(launchBrowser),
    startServer({
      input: brief,
      port: 0,
      host: "127.0.0.1",
      onRefresh: ({ ms }) => server.push(ms),
    }),
  ]);
  try {
    const page = await browser.newPage();
    await page.setViewport({ width: 1280, height: 720 });
    await page.goto(`${preview.url}brief/#/timeline`, { waitUntil: "load" });
    await page.waitForFunction(() => window.Reveal?.isReady());
    const total = [];
    for (let i = 0; i < saves; i++) {
      const title = `Road to the summit, take ${i}`;
      const started = performance.now();
      writeFileSync(brief, original.replace("title: Road to the summit", `title: ${title}`));
      await page.waitForFunction(
        (t) => document.querySelector("#timeline .heading")?.textContent?.includes(t),
        {},
        title,
      );
      total.push(performance.now() - started);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    return { total, server };
  } finally {
    await browser.close();
    await preview.close();
    rmSync(work, { recursive: true, force: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { total, server } = await measureServeReload(Number(process.argv[2] ?? 15));
  const stats = (list) => {
    const sorted = [...list].sort((a, b) => a - b);
    const at = (q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))].toFixed(0);
    return `median ${at(0.5)} ms, p90 ${at(0.9)} ms, max ${at(1)} ms`;
  };
  const cpu = `${os.cpus().length} × ${os.cpus()[0]?.model}, load ${os.loadavg()[0].toFixed(1)}`;
  console.log(`serve, ${total.length} saves of the sample brief (${cpu}):`);
  console.log(`  save → updated slide in Chromium: ${stats(total)}`);
  console.log(`  of which reading, checking, rendering and telling the page: ${stats(server)}`);
}
