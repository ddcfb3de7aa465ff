// `node --import ./scripts/support/register-server-only.mjs …` (or `tsx --import …`): lets a process
// outside Next import the modules marked `import "server-only"` (see server-only-hooks.mjs and
// docs/BOUNDARY.md). module.register is Node's supported way to customise resolution (Node ≥ 20.6).
import { register } from "node:module";

register("./server-only-hooks.mjs", import.meta.url);
