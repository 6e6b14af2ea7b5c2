import { statSync } from "node:fs";
import path from "node:path";

/** A font file of the system, the family of the face to cut from it, and what identifies the file. */
export interface SystemFont {
  file: string;
  family: string;
  size: number;
  modified: number;
}

// Where Linux distributions install Noto Sans CJK: Debian and Ubuntu, Fedora, Arch.
const cjkFolders = [
  "/usr/share/fonts/opentype/noto",
  "/usr/share/fonts/google-noto-sans-cjk-fonts",
  "/usr/share/fonts/google-noto-cjk",
  "/usr/share/fonts/noto-cjk",
];

/**
 * The system's Noto Sans CJK in the two weights it ships, regular (400) and bold (700), as the
 * Korean face: the one the theme's font list names first after Source Sans 3.
 */
export function findCjkFonts(): { regular?: SystemFont; bold?: SystemFont } {
  const find = (name: string): SystemFont | undefined => {
    for (const folder of cjkFolders) {
      const file = path.join(folder, name);
      try {
        const stat = statSync(file);
        return { file, family: "Noto Sans CJK KR", size: stat.size, modified: stat.mtimeMs };
      } catch {
        // Not in this folder.
      }
    }
    return undefined;
  };
  return { regular: find("NotoSansCJK-Regular.ttc"), bold: find("NotoSansCJK-Bold.ttc") };
}
