import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";

// Every mistake in the options is the tool's own usage error (exit 2) with its own short
// message: never node:util's parseArgs wording, never a stack trace, and never a value that
// Node would quietly turn into something else (a timeout that fires at once, every interface).

const sample = "briefings/putin-kim-summit-2024.yaml";

function briefing(args: string[], env: NodeJS.ProcessEnv = {}) {
  const result = spawnSync(process.execPath, ["bin/briefing.js", ...args], {
    encoding: "utf8",
    env: { ...process.env, BRIEFING_TIMEOUT: "", ...env },
    timeout: 20_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Runs a command that must stop at its options, and returns its first line of complaint. */
function refused(args: string[], env: NodeJS.ProcessEnv = {}): string {
  const run = briefing(args, env);
  expect(run.status, run.stderr).toBe(2);
  expect(run.stdout).toBe("");
  expect(run.stderr).not.toMatch(/ambiguous|argument missing|To specify|parseArgs|^\s+at /m);
  expect(run.stderr).not.toMatch(/TimeoutOverflowWarning/);
  expect(run.stderr).toContain('Run "briefing --help" for usage.');
  return run.stderr.split("\n")[0] as string;
}

describe("option values", () => {
  it("says what a number option needs, whichever way the value is written", () => {
    for (const args of [["-j", "-1"], ["--concurrency", "-1"], ["--concurrency=-1"], ["-j0"]]) {
      expect(refused(["build", sample, "--no-pdf", ...args])).toMatch(
        /^briefing: --concurrency needs a whole number of at least 1, not "-?[01]"$/,
      );
    }
    for (const args of [["--timeout", "-5"], ["--timeout=-5"], ["--timeout", "soon"]]) {
      expect(refused(["check", sample, "--no-browser", ...args])).toMatch(
        /^briefing: --timeout needs a number of seconds above 0 and at most 86400/,
      );
    }
    expect(refused(["serve", sample, "--port", "-1"])).toBe(
      'briefing: --port needs a port number from 0 to 65535, not "-1"',
    );
    expect(refused(["serve", sample, "--port", "1e3"])).toContain('not "1e3"');
  });

  it("refuses a timeout too long for the clock, from the flag or from BRIEFING_TIMEOUT", () => {
    for (const value of ["2147484", "1e9", "86401"]) {
      expect(refused(["check", sample, "--no-browser", "--timeout", value])).toContain(
        `--timeout needs a number of seconds above 0 and at most 86400 (a day), not "${value}"`,
      );
      expect(refused(["check", sample, "--no-browser"], { BRIEFING_TIMEOUT: value })).toContain(
        `BRIEFING_TIMEOUT needs a number of seconds above 0 and at most 86400 (a day), not "${value}"`,
      );
    }
    const longest = briefing(["check", sample, "--no-browser", "--timeout", "86400"]);
    expect(longest.status).toBe(0);
  });

  it("says so when an option's value is missing", () => {
    expect(refused(["check", sample, "--timeout"])).toBe("briefing: --timeout needs a value");
    expect(refused(["build", sample, "-j"])).toBe("briefing: -j needs a value");
    // The next option is not taken for the value.
    expect(refused(["build", sample, "--out", "--no-pdf"])).toBe("briefing: --out needs a value");
  });

  it("refuses a value given to an option that takes none", () => {
    expect(refused(["build", sample, "--force=yes"])).toBe("briefing: --force takes no value");
  });
});

describe("unknown options", () => {
  it("are named in the tool's own words, with a did-you-mean when one is close", () => {
    expect(refused(["build", sample, "--x"])).toBe("briefing: unknown option --x");
    expect(refused(["build", sample, "--outt", "dist"])).toBe(
      'briefing: unknown option --outt; did you mean "--out"?',
    );
    expect(refused(["build", sample, "-qZ"])).toBe("briefing: unknown option -Z");
  });
});

describe("serve --host", () => {
  it("refuses an empty or blank host rather than listening on every interface", () => {
    for (const args of [["--host", ""], ["--host="], ["--host", "  "]]) {
      expect(refused(["serve", sample, "--port", "0", ...args])).toMatch(
        /^briefing: --host needs a host name or an IP address to listen on, not "\s*"$/,
      );
    }
  });

  it("says in its own words that an address is not this machine's", () => {
    // 192.0.2.1 is reserved for documentation: never an address of this machine.
    const run = briefing(["serve", sample, "--port", "0", "--host", "192.0.2.1"]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain("cannot listen on 192.0.2.1:0: no interface of this machine");
    expect(run.stderr).not.toMatch(/EADDRNOTAVAIL|address not available/);
  });
});
