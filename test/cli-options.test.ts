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
  // Every refused call here names a command: its own help is the one to read.
  expect(run.stderr).toContain(`Run "briefing ${args[0]} --help" for usage.`);
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

describe("each command has its own options", () => {
  it("refuses an option of another command, and names the command it belongs to", () => {
    expect(refused(["check", sample, "--no-browser", "--handout"])).toBe(
      'briefing: "briefing check" has no option --handout (it is an option of "briefing build")',
    );
    expect(refused(["check", sample, "--port", "9"])).toBe(
      'briefing: "briefing check" has no option --port (it is an option of "briefing serve")',
    );
    expect(refused(["schema", "--strict"])).toContain('"briefing schema" has no option --strict');
    expect(refused(["schema", "--force"])).toContain('"briefing schema" has no option --force');
    expect(refused(["new", "x", "--out", "d"])).toContain('"briefing new" has no option --out');
  });

  it("offers the closest option of the command itself", () => {
    expect(refused(["check", sample, "--no-browsr"])).toBe(
      'briefing: unknown option --no-browsr; did you mean "--no-browser"?',
    );
    expect(refused(["serve", "--hots", "x"])).toBe(
      'briefing: unknown option --hots; did you mean "--host"?',
    );
  });
});

describe("commands", () => {
  it("a mistyped command gets a did-you-mean", () => {
    const run = briefing(["biuld", sample]);
    expect(run.status).toBe(2);
    expect(run.stderr.split("\n")[0]).toBe(
      'briefing: unknown command "biuld"; did you mean "build"?',
    );
    expect(run.stderr).toContain('Run "briefing --help" for usage.');
    expect(briefing(["chekc"]).stderr).toContain('did you mean "check"?');
    expect(briefing(["help", "srve"]).stderr).toContain('did you mean "serve"?');
  });

  it("build --help and help build print the command's own help, with every option described", () => {
    for (const args of [
      ["build", "--help"],
      ["help", "build"],
      ["build", "-h"],
    ]) {
      const run = briefing(args);
      expect(run.status).toBe(0);
      expect(run.stdout).toMatch(/^Usage: briefing build <file-or-folder>\.\.\. \[options\]/);
      for (const option of [
        "--out DIR",
        "--no-pdf",
        "--browser PATH",
        "--config FILE",
        "-j, --concurrency N",
      ]) {
        expect(run.stdout).toMatch(
          new RegExp(`^  (-\\w, )?${option.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}  .*\\w`, "m"),
        );
      }
      expect(run.stdout).not.toContain("--port");
    }
    const serve = briefing(["serve", "--help"]).stdout;
    expect(serve).toMatch(/^ {2}-p, --port N +\S/m);
    expect(serve).toMatch(/^ {2}--host H +\S/m);
    expect(serve).not.toContain("--handout");
    // `help` alone is the general help, as --help is.
    const help = briefing(["help"]);
    expect([help.status, help.stdout]).toEqual([0, briefing(["--help"]).stdout]);
    const check = briefing(["help", "check"]).stdout;
    expect(check).toMatch(/^ {2}--format text\|json +\S/m);
  });

  it("the general help lists every command, and no line of any help is wider than 100", () => {
    const general = briefing(["--help"]).stdout;
    for (const name of ["build", "check", "serve", "new", "schema"]) {
      expect(general).toMatch(new RegExp(`^  ${name} +\\S`, "m"));
      const own = briefing([name, "--help"]);
      expect(own.status).toBe(0);
      for (const line of own.stdout.split("\n")) expect(line.length, line).toBeLessThanOrEqual(100);
    }
  });

  it("options may still come before the command", () => {
    const run = briefing(["--quiet", "check", sample, "--no-browser"]);
    expect(run.stderr).toContain('"briefing check" has no option --quiet');
    const ok = briefing(["--no-browser", "check", sample]);
    expect(ok.status, ok.stderr).toBe(0);
  });
});
