import { describe, expect, it } from "vitest";
import { loadBrief } from "../../src/load/load-brief.js";
import { renderBrief } from "../../src/render/render-brief.js";
import type { RenderInputs } from "../../src/render/render-inputs.js";

describe("renderBrief", () => {
  it("renders with the templates and speaker-view hashes it is given, and reads nothing else", async () => {
    const { brief, name } = await loadBrief("briefings/putin-kim-summit-2024.yaml");
    if (!brief) throw new Error("the sample brief is not valid");
    const asked: string[] = [];
    const inputs: RenderInputs = {
      template: (template) => {
        asked.push(template);
        return (context) => {
          const { deck, policy } = context as { deck: { title: string }; policy: string };
          return `${template}|${deck.title}|${policy}`;
        };
      },
      speakerViewHashes: () => ["'sha256-given'"],
    };
    const { deck, html } = renderBrief(brief, name, {}, {}, inputs);
    expect(asked).toEqual(["deck.hbs"]);
    const [template, title, policy] = html.split("|");
    expect(template).toBe("deck.hbs");
    expect(title).toBe(deck.title);
    expect(policy).toMatch(/script-src 'self' 'sha256-given'(;|$)/);
  });
});
