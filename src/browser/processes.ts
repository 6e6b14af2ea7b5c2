import { readdirSync, readFileSync, readlinkSync, realpathSync } from "node:fs";
import path from "node:path";

/**
 * Kills the browser, which must not have exited yet, with its helpers: Puppeteer starts it as
 * the leader of its own process group. A browser whose launch was cut short has no known pid;
 * on Linux its processes are then those that run its executable with its profile, so that a
 * user's `du` or editor looking at that folder is left alone.
 */
export function killBrowser(pid: number | undefined, profile: string, executable: string): void {
  if (pid) {
    kill(process.platform === "win32" ? pid : -pid);
    return;
  }
  const runsBrowser = browserExecutable(executable);
  for (const [other, line] of commandLines()) {
    if (line.includes(profile) && runsBrowser(other)) kill(other);
  }
}

function kill(target: number): void {
  try {
    process.kill(target, "SIGKILL");
  } catch {
    // Already gone.
  }
}

/**
 * A test of whether a process runs the browser at `executable`. Debian's /usr/bin/chromium is
 * a script that execs /usr/lib/chromium/chromium, so a binary of the same name counts too.
 */
function browserExecutable(executable: string): (pid: number) => boolean {
  let real = executable;
  try {
    real = realpathSync(executable);
  } catch {
    // Gone since it was found: its name is all there is to go by.
  }
  return (pid) => {
    try {
      const exe = readlinkSync(`/proc/${pid}/exe`);
      return exe === real || path.basename(exe) === path.basename(real);
    } catch {
      // Exited meanwhile, or not ours to look at (and so not ours to kill).
      return false;
    }
  };
}

/** Every process's command line by pid, on Linux (Chromium's names its profile); elsewhere none. */
export function commandLines(): Map<number, string> {
  const lines = new Map<number, string>();
  if (process.platform !== "linux") return lines;
  let entries: string[] = [];
  try {
    entries = readdirSync("/proc").filter((name) => /^\d+$/.test(name));
  } catch {
    return lines;
  }
  for (const entry of entries) {
    try {
      lines.set(Number(entry), readFileSync(`/proc/${entry}/cmdline`, "latin1"));
    } catch {
      // Exited meanwhile, or not ours to read.
    }
  }
  return lines;
}
