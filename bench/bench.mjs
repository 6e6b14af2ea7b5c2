// `npm run bench`: measures briefing on this machine and prints a table of medians.
// Not part of `npm test`: tests assert behaviour, this measures it. BENCH_RUNS sets the runs.
import { spawn } from "node:child_process";
import {
  cpSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import os from "node:os";
import path from "node:path";
import { stringify } from "yaml";
import { printAlone } from "./print-alone.mjs";

const runs = Number(process.env.BENCH_RUNS ?? 5);
const root = path.resolve(import.meta.dirname, "..");
const sample = path.join(root, "briefings", "putin-kim-summit-2024.yaml");
const work = mkdtempSync(path.join(os.tmpdir(), "briefing-bench-"));
const cli = path.join(root, "bin", "briefing.js");

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];
const ms = (x) => `${Math.round(x)} ms`;

/**
 * Sum of resident memory of a process and all its descendants, in MB, read from /proc (spawning
 * `ps` this often would itself slow down what is measured).
 */
function treeRss(pid) {
  const rows = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      // Field 24 of stat is the resident set in pages; ppid is field 4.
      rows.push([Number(entry), Number(fields[1]), (Number(fields[21]) * 4096) / 1024]);
    } catch {
      // The process ended while we looked.
    }
  }
  const tree = new Set([pid]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const [p, pp] of rows) {
      if (tree.has(pp) && !tree.has(p)) {
        tree.add(p);
        grew = true;
      }
    }
  }
  return rows.filter(([p]) => tree.has(p)).reduce((sum, [, , rss]) => sum + rss, 0) / 1024;
}

/**
 * Runs a command to completion: wall time and (unless `memory` is false) peak memory of its
 * whole process tree. Reading memory costs CPU beside what is measured: short runs skip it.
 */
function run(command, args, { memory = true } = {}) {
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const child = spawn(command, args, { stdio: ["ignore", "ignore", "pipe"] });
    let peak = 0;
    let stderr = "";
    const timer = memory
      ? setInterval(() => {
          peak = Math.max(peak, treeRss(child.pid));
        }, 100)
      : undefined;
    child.stderr.on("data", (d) => {
      stderr += d;
    });
    child.on("close", (code) => {
      clearInterval(timer);
      const wall = performance.now() - start;
      if (code !== 0) reject(new Error(`${command} ${args.join(" ")} exited ${code}: ${stderr}`));
      else resolve({ wall, peak });
    });
  });
}

async function repeat(n, fn) {
  const results = [];
  for (let i = 0; i < n; i++) results.push(await fn(i));
  return {
    wall: median(results.map((r) => r.wall)),
    peak: Math.max(...results.map((r) => r.peak ?? 0)),
  };
}

const rows = [];
const row = (what, value, note = "") => {
  rows.push([what, value, note]);
  console.error(`${what}: ${value} ${note}`);
};

// 1. HTML only, as a whole process.
const htmlOnly = await repeat(runs * 2, () =>
  run("node", [cli, "build", sample, "--no-pdf", "--force", "--out", path.join(work, "html")], {
    memory: false,
  }),
);
row("HTML only (`build --no-pdf`), sample, whole process", ms(htmlOnly.wall), "target < 200 ms");

// 2. Full build against the floor: the browser alone printing the same deck, both ways it can
// be printed (reveal's print view of index.html, and the print document the tool prints).
// Runs alternate, so a machine that slows down midway weighs on all three alike.
const { validateBrief } = await import("../lib/load/load-brief.js");
const { buildDeck } = await import("../lib/model/build-deck.js");
const { writePrintDocument } = await import("../lib/export/pdf.js");
const fullBuild = () =>
  run("node", [cli, "build", sample, "--force", "--out", path.join(work, "full")]);
await fullBuild();
const built = path.join(work, "full", "putin-kim-summit-2024", "index.html");
const documentDeck = path.join(work, "document-floor");
cpSync(path.dirname(built), documentDeck, { recursive: true });
const sampleLoaded = await validateBrief(sample, readFileSync(sample, "utf8"));
const printDocument = await writePrintDocument({
  deck: buildDeck(sampleLoaded.brief, sampleLoaded.name),
  folder: documentDeck,
});
const floorRun = (html) =>
  run("node", [path.join(root, "bench", "floor.mjs"), html, path.join(work, "floor.pdf")]);
const [full, floor, documentFloor] = [[], [], []];
for (let i = 0; i < runs; i++) {
  full.push(await fullBuild());
  floor.push(await floorRun(built));
  documentFloor.push(await floorRun(printDocument));
}
const summary = (results) => ({
  wall: median(results.map((r) => r.wall)),
  peak: Math.max(...results.map((r) => r.peak)),
});
const [fullTime, floorTime, documentTime] = [full, floor, documentFloor].map(summary);
row(
  "Full build (HTML + PDF), sample, whole process",
  ms(fullTime.wall),
  `peak ${Math.round(fullTime.peak)} MB`,
);
row("Floor: launch browser, open deck, wait for pdf-ready, print", ms(floorTime.wall));
row("Full build ÷ floor", (fullTime.wall / floorTime.wall).toFixed(2), "target ≤ 1.05");
row("Floor of the print document: launch browser, open it, print", ms(documentTime.wall));
row("Full build ÷ print-document floor", (fullTime.wall / documentTime.wall).toFixed(2));

// 2b. One brief in two languages, alternating: Korean, whose CJK fonts are cut from the shipped
// Noto Sans KR, should cost about what a Latin-script language does (German: the same slides).
const languages = path.join(root, "test", "fixtures", "languages");
const languageBuild = (code) => () =>
  run("node", [cli, "build", path.join(languages, `${code}.yaml`), "--force", "--out", work]);
const [koreanBuild, germanBuild] = [languageBuild("ko"), languageBuild("de")];
await koreanBuild();
await germanBuild();
const [hangul, latin] = [[], []];
for (let i = 0; i < runs * 2; i++) {
  latin.push(await germanBuild());
  hangul.push(await koreanBuild());
}
const [koreanTime, germanTime] = [hangul, latin].map(summary);
row("Full build, a 10-slide brief in Korean", ms(koreanTime.wall));
row("Full build, the same brief in German", ms(germanTime.wall));
row("Korean ÷ German", (koreanTime.wall / germanTime.wall).toFixed(2), "target ≤ 1.10");

// 3. A batch of 20 briefs in one command.
const batch = path.join(work, "batch");
mkdirSync(batch);
for (let i = 1; i <= 20; i++)
  cpSync(sample, path.join(batch, `brief-${String(i).padStart(2, "0")}.yaml`));
// The batch floor prints 20 copies of the sample's print document, each in its own folder as
// the build's are. A fresh output folder each run, so no brief is skipped as unchanged. Runs
// alternate, as above.
const batchDocuments = Array.from({ length: 20 }, (_, i) => {
  const folder = path.join(work, "batch-floor", String(i));
  cpSync(documentDeck, folder, { recursive: true });
  return path.join(folder, path.basename(printDocument));
});
const [batchRuns, batchFloorRuns] = [[], []];
for (let i = 0; i < Math.max(1, Math.floor(runs / 2)); i++) {
  batchRuns.push(
    await run("node", [cli, "build", batch, "--out", path.join(work, `batch-out-${i}`)]),
  );
  const floorOut = path.join(work, `batch-floor-out-${i}`);
  mkdirSync(floorOut);
  batchFloorRuns.push(
    await run("node", [path.join(root, "bench", "batch-floor.mjs"), floorOut, ...batchDocuments]),
  );
}
const [batchRun, batchFloor] = [batchRuns, batchFloorRuns].map(summary);
row(
  "Batch of 20 briefs, one command",
  ms(batchRun.wall),
  `${ms(batchRun.wall / 20)} a brief; target < 250 ms a brief`,
);
row(
  "Floor of the batch: one browser prints the 20 print documents",
  ms(batchFloor.wall),
  `${ms(batchFloor.wall / 20)} a brief`,
);

// 4. 1,000 events.
const large = path.join(work, "large", "large.yaml");
mkdirSync(path.dirname(large));
writeFileSync(
  large,
  stringify({
    title: "A thousand events",
    date: "2030-01-01",
    classification: "UNCLASSIFIED",
    timeline: {
      events: Array.from({ length: 1000 }, (_, i) => ({
        date: `${1995 + Math.floor(i / 34)}-${String((i % 12) + 1).padStart(2, "0")}-${String((i % 27) + 1).padStart(2, "0")}`,
        title: `Event ${i + 1}: talks, envoys and statements`,
        ...(i % 10 === 0 ? { detail: `Detail of event ${i + 1}.` } : {}),
      })),
    },
  }),
);
const largeHtml = await repeat(runs, () =>
  run("node", [cli, "build", large, "--no-pdf", "--force", "--out", path.join(work, "large-out")]),
);
row(
  "1,000 events, HTML only",
  ms(largeHtml.wall),
  `peak ${Math.round(largeHtml.peak)} MB; target < 1 s`,
);
const largeFull = await repeat(Math.max(1, Math.floor(runs / 2)), () =>
  run("node", [cli, "build", large, "--force", "--out", path.join(work, "large-out")]),
);
row(
  "1,000 events, full build",
  ms(largeFull.wall),
  `peak ${Math.round(largeFull.peak)} MB (node + Chromium); targets < 15 s, < 500 MB`,
);

// 5. In-process render: the cost watch mode pays per save.
const { renderDeck } = await import("../lib/render/render-deck.js");
const renderOnce = async () => {
  const start = performance.now();
  const loaded = await validateBrief(sample, readFileSync(sample, "utf8"));
  renderDeck(buildDeck(loaded.brief, loaded.name));
  return { wall: performance.now() - start };
};
for (let i = 0; i < 30; i++) await renderOnce();
const render = await repeat(100, renderOnce);
row(
  "In-process render of the sample (read, validate, model, HTML)",
  `${render.wall.toFixed(1)} ms`,
  "after warm-up; target < 20 ms",
);

// 6. The sample's PDF from a browser that is already running.
const { BrowserSession } = await import("../lib/browser/session.js");
const { printPdf } = await import("../lib/export/pdf.js");
const session = new BrowserSession({});
const browser = await session.browser();
try {
  const meta = {
    metadata: { title: "t", keywords: [], date: new Date(0) },
    outline: [],
    fingerprint: "bench",
  };
  const loaded = await validateBrief(sample, readFileSync(sample, "utf8"));
  const deck = { deck: buildDeck(loaded.brief, loaded.name), folder: path.dirname(built) };
  await printPdf(session, deck, meta);
  // The floor: a page of the same browser opening the same print document and printing it.
  const page = await browser.newPage();
  const floorPrint = async () => {
    await printAlone(page, printDocument);
  };
  await floorPrint();
  const [warm, warmFloor] = [[], []];
  const timed = async (fn) => {
    const start = performance.now();
    await fn();
    return { wall: performance.now() - start };
  };
  for (let i = 0; i < runs * 2; i++) {
    warm.push(await timed(() => printPdf(session, deck, meta)));
    warmFloor.push(await timed(floorPrint));
  }
  row(
    "Sample PDF with the browser already running",
    ms(median(warm.map((r) => r.wall))),
    "target < 150 ms",
  );
  row(
    "Floor: the running browser opens the print document and prints it",
    ms(median(warmFloor.map((r) => r.wall))),
  );
} finally {
  await session[Symbol.asyncDispose]();
}

// 7. `serve`: from saving the brief to the new text on the open slide, in Chromium.
const { measureServeReload } = await import("./serve-reload.mjs");
const reload = await measureServeReload(runs * 3);
row(
  "`serve`: save → updated slide in Chromium, sample",
  ms(median(reload.total)),
  `server's part ${ms(median(reload.server))}; target < 300 ms`,
);

rmSync(work, { recursive: true, force: true });
const cpu = os.cpus()[0]?.model ?? "unknown CPU";
console.log(
  `\nMachine: ${os.cpus().length} × ${cpu}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}, ${runs} runs (medians)\n`,
);
console.log("| measure | median | note |\n|---|---|---|");
for (const [what, value, note] of rows) console.log(`| ${what} | ${value} | ${note} |`);
