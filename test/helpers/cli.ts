import { type ChildProcess, spawn } from "node:child_process";
import path from "node:path";

const bin = path.resolve("bin/briefing.js");

/** A running `briefing` command and how it ended. */
export interface CliRun {
  child: ChildProcess;
  /** Resolves when it has exited, with its status (or signal) and everything it printed. */
  done: Promise<{ status: number | null; signal: string | null; stdout: string; stderr: string }>;
}

/** Starts the real command line, as a user would, without blocking this process. */
export function startCli(args: string[], env: NodeJS.ProcessEnv = {}, cwd?: string): CliRun {
  const child = spawn(process.execPath, [bin, ...args], {
    env: { ...process.env, ...env },
    cwd,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout?.on("data", (chunk) => {
    stdout += chunk;
  });
  child.stderr?.on("data", (chunk) => {
    stderr += chunk;
  });
  const done = new Promise<{
    status: number | null;
    signal: string | null;
    stdout: string;
    stderr: string;
  }>((resolve) =>
    child.on("close", (status, signal) => resolve({ status, signal, stdout, stderr })),
  );
  return { child, done };
}
