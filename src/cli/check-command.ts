import { BriefingError, exitCodes, formatProblem, type Problem, severityOf } from "../errors.js";
import { defineCommand, helpOption } from "./command.js";
import {
  browserOption,
  configOption,
  foldersAndSettings,
  timeoutOption,
} from "./common-options.js";
import { briefRun } from "./inputs.js";
import { plural } from "./output.js";

export const checkCommand = defineCommand({
  name: "check",
  args: "<file-or-folder>...",
  summary: "find every mistake in the briefs, with its line and column",
  description: `Validate, then lay every slide out in the browser; print every problem as
path:line:col: message (warnings as "warning:"). Writes nothing.

${foldersAndSettings}
Exit status: 0 ok, 1 invalid brief (or --strict warnings), 2 wrong usage, 3 environment (with
--strict, no browser to lay out with; a brief the browser could not lay out in time), 4 a fault
of briefing itself.`,
  options: {
    strict: { type: "boolean", help: "fail (exit 1) on warnings too" },
    "no-browser": {
      type: "boolean",
      help: "only validate, without laying the slides out (fast, for editors)",
    },
    format: {
      type: "string",
      value: "text|json",
      help: "text (default), or json: one object with every problem, for tools",
    },
    timeout: timeoutOption,
    browser: browserOption,
    config: configOption,
    help: helpOption,
  },
  async run(inputs, values, { out, err }) {
    const { files, config } = await briefRun("check", inputs, values);
    const format = values.format ?? "text";
    if (format !== "text" && format !== "json") {
      throw new BriefingError("usage", `--format is text or json, not "${format}"`);
    }
    const strict = values.strict === true;
    let noticed = false;
    // Loaded only here: validating alone must stay quick for editors that check on every save.
    const { check } = await import("../check.js");
    const report = await check(files, {
      layout: !values["no-browser"],
      requireBrowser: strict,
      browserPath: config.browserPath,
      look: config,
      timeout: config.stepTimeout,
      onNotice(message) {
        if (!noticed) err(`briefing: ${message}`);
        noticed = true;
      },
    });
    const invalid = report.results.filter((r) => r.problems.length > 0).length;
    const warned = report.results.filter((r) => r.warnings.length > 0).length;
    const failed = invalid > 0 || (strict && warned > 0);
    if (format === "json") {
      const entry = (p: Problem) => ({
        file: p.file,
        line: p.pos.line,
        col: p.pos.col,
        severity: severityOf(p),
        code: p.code,
        message: p.message,
        path: p.path,
      });
      const problems = report.results.flatMap((r) => [...r.problems, ...r.warnings].map(entry));
      // Laid out only when every brief was: an invalid one never reaches the browser.
      const layoutChecked = report.results.every((r) => r.layoutChecked);
      const briefs = report.results.map((r) => ({
        file: r.file,
        valid: r.problems.length === 0,
        layoutChecked: r.layoutChecked,
      }));
      out(JSON.stringify({ ok: !failed, layoutChecked, briefs, problems }, null, 2));
    } else {
      for (const result of report.results) {
        for (const problem of result.problems) out(formatProblem(problem));
        for (const warning of result.warnings) out(formatProblem(warning));
      }
    }
    if (report.layoutSkipped) err(`briefing: slides not laid out (${report.layoutSkipped})`);
    const total = files.length;
    err(
      invalid > 0
        ? `${plural(invalid, "brief")} of ${total} invalid`
        : warned > 0
          ? `${plural(total, "brief")} valid; ${plural(warned, "brief")} with warnings${strict ? " (--strict: failed)" : ""}`
          : `${plural(total, "brief")} valid`,
    );
    return failed ? exitCodes.invalid : 0;
  },
});
