/**
 * Why `name` cannot name a deck's folder inside the output folder, or undefined when it can. It
 * is used as one path segment: "", "." and ".." would be the output folder or the one above it
 * (which the build would then replace), and a separator or NUL would reach somewhere else. A
 * hidden name is refused too: the build's own temporary folders beside the decks are hidden,
 * and removed once their build is gone.
 */
export function deckNameProblem(name: string): string | undefined {
  if (name === "") return "empty";
  if (name === ".") return "the output folder itself";
  if (name === "..") return "the folder above the output folder";
  if (/[/\\\0]/.test(name)) return "a path, not a name (it holds a / or \\ or NUL)";
  if (name.startsWith("."))
    return 'hidden (it starts with "."), as the build\'s temporary folders are';
  return undefined;
}
