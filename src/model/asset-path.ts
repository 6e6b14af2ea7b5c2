import path from "node:path/posix";

/** Where an image named in a brief is placed in the built deck. */
export function assetPath(ref: string): string {
  return path.join("assets", path.normalize(ref.replace(/\\/g, "/")));
}

/**
 * The URL by which the deck's pages refer to an image: its place in the deck, each part
 * percent-encoded, so that a `#`, `?` or `%` in a file name stays part of the name.
 */
export function assetUrl(ref: string): string {
  return assetPath(ref).split(path.sep).map(encodeURIComponent).join("/");
}
