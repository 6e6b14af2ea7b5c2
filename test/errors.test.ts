import { describe, expect, it } from "vitest";
import { formatProblem, type Problem, severityOf } from "../src/errors.js";

const at = (code: Problem["code"]): Problem => ({
  code,
  message: "something",
  file: "briefings/a.yaml",
  pos: { line: 3, col: 7 },
  path: ["timeline"],
});

describe("a problem's severity", () => {
  it("comes from its code, so a library caller can tell a warning from an error", () => {
    expect(severityOf(at("bad-date"))).toBe("error");
    expect(severityOf(at("event-after-as-of"))).toBe("warning");
    expect(severityOf(at("overflow"))).toBe("warning");
    expect(severityOf(at("blocked-request"))).toBe("warning");
  });

  it("is written in the text the way compilers write warnings, which editors pick up", () => {
    expect(formatProblem(at("bad-date"))).toBe("briefings/a.yaml:3:7: something");
    expect(formatProblem(at("overflow"))).toBe("briefings/a.yaml:3:7: warning: something");
  });
});
