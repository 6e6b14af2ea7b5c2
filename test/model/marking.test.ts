import { describe, expect, it } from "vitest";
import { contrastInk, markingOf } from "../../src/model/marking.js";

describe("markingOf", () => {
  it("classes a banner by its family and level, and a TLP label anywhere by its size", () => {
    expect(markingOf("SECRET//NOFORN").classes).toBe("banner--us banner--secret");
    expect(markingOf("TLP:AMBER").classes).toBe("banner--tlp banner--tlp-amber");
    expect(markingOf("UNCLASSIFIED//TLP:CLEAR").classes).toBe(
      "banner--us banner--unclassified banner--tlp",
    );
    expect(markingOf("OFFICIAL").style).toBeUndefined();
  });

  it("takes the project's colours for the marking as written first, then for its level", () => {
    const own = {
      secret: { background: "#111111" },
      " secret//noforn ": { background: "#222222", color: "#eeeeee" },
      "TLP:AMBER": { color: "#ffd000" },
    };
    expect(markingOf("SECRET//NOFORN", own).style).toBe("--banner: #222222; --banner-ink: #eeeeee");
    // SECRET names the level: every secret marking, in any language, takes it.
    expect(markingOf("SECRET//REL TO USA, FVEY", own).style).toBe(
      "--banner: #111111; --banner-ink: #ffffff",
    );
    expect(markingOf("2급비밀", own).style).toBe("--banner: #111111; --banner-ink: #ffffff");
    // A colour alone leaves the background to the theme.
    expect(markingOf("tlp:amber", own).style).toBe("--banner-ink: #ffd000");
    expect(markingOf("TOP SECRET", own).style).toBeUndefined();
    // Only colours reach the style: anything else a library caller gives is left out.
    const odd = { SECRET: { background: "red; background-image: url(x)", color: "#fff" } };
    expect(markingOf("SECRET", odd).style).toBe("--banner-ink: #fff");
  });

  it("resolves the colours the banner is drawn in, the project's over the level's", () => {
    expect(markingOf("SECRET//NOFORN").colours).toEqual({ background: "#c8102e", ink: "#ffffff" });
    expect(markingOf("TLP:AMBER").colours).toEqual({ background: "#000000", ink: "#ffc000" });
    expect(markingOf("OFFICIAL").colours).toEqual({ background: "#434c5a", ink: "#ffffff" });
    const own = { SECRET: { background: "#fce" }, "TLP:AMBER": { color: "#FFD000" } };
    expect(markingOf("SECRET", own).colours).toEqual({ background: "#ffccee", ink: "#000000" });
    expect(markingOf("TLP:AMBER", own).colours).toEqual({ background: "#000000", ink: "#ffd000" });
  });
});

describe("contrastInk", () => {
  it("writes black or white, whichever has the higher contrast", () => {
    const inks = ["#007A33", "#502B85", "#0033A0", "#C8102E", "#FF8C00", "#FCE83A", "#fff", "#000"];
    expect(inks.map(contrastInk)).toEqual([
      "#ffffff",
      "#ffffff",
      "#ffffff",
      "#ffffff",
      "#000000",
      "#000000",
      "#000000",
      "#ffffff",
    ]);
  });
});
