import { BriefingError } from "../errors.js";
import { defineCommand, helpOption } from "./command.js";

export const newCommand = defineCommand({
  name: "new",
  args: "<name>",
  summary: "write briefings/<name>.yaml, a brief to start from that already builds",
  description: `Write briefings/<name>.yaml: a brief dated today, with every part a brief can have,
to replace with your own. It builds as it is. An existing file is never
overwritten.`,
  options: {
    dir: {
      type: "string",
      short: "d",
      value: "FOLDER",
      help: "write it in FOLDER instead of briefings/ (made if it is missing)",
    },
    help: helpOption,
  },
  async run(inputs, values, { out }) {
    const [name, ...rest] = inputs;
    if (!name || rest.length > 0) throw new BriefingError("usage", `"briefing new" needs one name`);
    const { newBrief } = await import("../new-brief.js");
    const file = await newBrief(name, values.dir ?? "briefings", new Date());
    out(`${file} written; preview it with: briefing serve ${file}`);
    return 0;
  },
});
