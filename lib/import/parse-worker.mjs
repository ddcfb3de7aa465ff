// The entry of the thread that reads an import file (lib/import/parse-in-worker.ts). Plain
// JavaScript so that Node can start it as it is, under `next start`, scripts/serve.mjs and vitest
// alike (none of them would run a TypeScript file in a new thread by itself); tsx, a dependency of
// the app, then loads the TypeScript code of lib/import, resolving "@/..." through tsconfig.json.
import { register } from "tsx/esm/api";

register();
await import("./parse-worker-thread.ts");
