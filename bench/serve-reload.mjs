// Save → updated slide in `briefing serve`, measured in real Chromium on the sample brief.
// Run after `npm run build:ts`: node bench/serve-reload.mjs [saves]
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { launchBrowser } from "../lib/browser/browser.js";
import { findBrowser } from "../lib/browser/find-browser.js";
import { startServer } from "../lib/serve/server.js";

const saves = Number(process.argv[2] ?? 15);
const sample = "briefings/putin-kim-summit-2024.yaml";
const work = mkdtempSync(path.join(os.tmpdir(), "briefing-bench-"));
const brief = path.join(work, "brief.yaml");
copyFileSync(sample, brief);
const original = readFileSync(sample, "utf8");

const [browser, server] = await Promise.all([
  findBrowser(undefined).then(launchBrowser),
  startServer({ input: brief, port: 0, host: "127.0.0.1" }),
]);
try {
  const page = await browser.newPage();
  await page.setViewport({ width: 1280, height: 720 });
  await page.goto(`${server.url}brief/#/timeline`, { waitUntil: "load" });
  await page.waitForFunction(() => window.Reveal?.isReady());
  const times = [];
  for (let i = 0; i < saves; i++) {
    const title = `Road to the summit, take ${i}`;
    const started = performance.now();
    writeFileSync(brief, original.replace("title: Road to the summit", `title: ${title}`));
    await page.waitForFunction(
      (t) => document.querySelector("#timeline .heading")?.textContent?.includes(t),
      {},
      title,
    );
    times.push(performance.now() - started);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  times.sort((a, b) => a - b);
  const at = (q) => times[Math.min(times.length - 1, Math.floor(q * times.length))].toFixed(0);
  console.log(
    `serve: save → updated slide, ${saves} saves: median ${at(0.5)} ms, p90 ${at(0.9)} ms, max ${at(1)} ms (${os.cpus().length} cores, ${os.cpus()[0]?.model})`,
  );
} finally {
  await browser.close();
  await server.close();
  rmSync(work, { recursive: true, force: true });
}
