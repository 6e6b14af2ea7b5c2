import { describe, expect, it } from "vitest";
import { BriefingError } from "../../src/errors.js";
import { finishPdf } from "../../src/export/pdf.js";
import { pdfPageCount, UnreadablePdf } from "../../src/export/pdf-update.js";

const extras = {
  metadata: { title: "t", keywords: [], date: new Date(0) },
  outline: [],
  fingerprint: "f",
};

describe("finishing a PDF by appending to it", () => {
  it("refuses, with a clear error, a PDF not in the form Chrome writes", async () => {
    const odd = Buffer.from("%PDF-1.7\n1 0 obj\n<<>>\nendobj\nstartxref\n999\n%%EOF\n", "latin1");
    expect(() => pdfPageCount(odd)).toThrow(UnreadablePdf);
    const failure = await finishPdf(odd, 1, extras).catch((error) => error);
    expect(failure).toBeInstanceOf(BriefingError);
    expect(failure.kind).toBe("environment");
    expect(failure.message).toMatch(/the browser's PDF cannot be read/);
  });
});
