// `node --import ./scripts/support/register-server-only.mjs …` (or `tsx --import …`): every command
// and `npm start` import this first. It reads the settings file (load-env-file.mjs) so that each
// command acts on the same settings as the server, and lets a process outside Next import the
// modules marked `import "server-only"` (see server-only-hooks.mjs and docs/BOUNDARY.md).
// module.register is Node's supported way to customise resolution (Node ≥ 20.6).
import { register } from "node:module";
import { readSettingsFileForCommand } from "./load-env-file.mjs";

readSettingsFileForCommand();

// Next.js reports usage to Vercel unless told not to: a registry of missing persons sends nothing
// anywhere it was not asked to (the build of `npm run demo` and every server inherit this).
process.env.NEXT_TELEMETRY_DISABLED = "1";

register("./server-only-hooks.mjs", import.meta.url);
