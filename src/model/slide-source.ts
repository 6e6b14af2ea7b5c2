/**
 * The path in the brief's YAML a slide is drawn from, read from the slide's id, so messages
 * about a slide can point at its line. `eventIndex` maps an event slide's id to where the
 * event is written in `timeline.events` (slides show events in time order, not file order).
 */
export function slideSource(
  id: string,
  eventIndex: ReadonlyMap<string, number>,
): (string | number)[] {
  const event = eventIndex.get(id);
  if (event !== undefined) return ["timeline", "events", event];
  const section = /^section-(\d+)/.exec(id);
  if (section) return ["sections", Number(section[1]) - 1];
  const top = /^(title|summary|timeline|sources)\b/.exec(id);
  return top ? [top[1] as string] : [];
}
