import { spawn } from "node:child_process";
const run = (args, stdio) => new Promise((resolve) => { const s = performance.now(); const c = spawn("node", args, { stdio }); c.stderr?.on("data", () => {}); c.on("close", () => resolve(performance.now() - s)); });
const med = (xs) => xs.sort((a, b) => a - b)[xs.length >> 1];
const args = ["bin/briefing.js", "build", "briefings/putin-kim-summit-2024.yaml", "--no-pdf", "--force", "--out", "/tmp/h"];
for (const stdio of [["ignore", "ignore", "pipe"], ["ignore", "ignore", "ignore"], ["ignore", "pipe", "pipe"], ["ignore", "ignore", "pipe"]]) {
  const xs = []; for (let i = 0; i < 15; i++) xs.push(await run(args, stdio));
  console.log(stdio.join(","), med(xs).toFixed(1));
}
