import { defineConfig } from "vitest/config";
import { BaseSequencer, type TestSpecification } from "vitest/node";

// The files that take longest, started first: two workers then finish together instead of one
// waiting on a long file begun last. On a fresh clone vitest has no timings of its own to go by.
const longest = [
  "test/corpus/corpus.test.ts",
  "test/package/install.test.ts",
  "test/browser/step.test.ts",
  "test/bin.test.ts",
  "test/export/print-document.test.ts",
  "test/export/scale-images.test.ts",
  "test/build-safety.test.ts",
  "test/export/rename-only.test.ts",
  "test/security/interrupt.test.ts",
  "test/build-strict.test.ts",
  "test/export/large-timeline.test.ts",
  "test/render/speaker-view.test.ts",
];

class LongestFirst extends BaseSequencer {
  async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const rank = (file: TestSpecification) => {
      const at = longest.findIndex((name) => file.moduleId.endsWith(name));
      return at < 0 ? longest.length : at;
    };
    return sorted
      .map((file, i) => ({ file, i }))
      .sort((a, b) => rank(a.file) - rank(b.file) || a.i - b.i)
      .map(({ file }) => file);
  }
}

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // Browser tests start Chromium and print PDFs: give them room on a 2-core machine.
    testTimeout: 60_000,
    hookTimeout: 120_000,
    fileParallelism: true,
    maxWorkers: 2,
    sequence: { sequencer: LongestFirst },
  },
});
