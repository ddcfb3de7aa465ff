// Node module customization hooks (https://nodejs.org/api/module.html#customization-hooks), loaded
// by register-server-only.mjs. The `server-only` package throws when imported under Node's
// default export condition; its `react-server` condition is an empty module. Next's bundler picks
// the right one for each side of the boundary. The command-line scripts, bench/ and the import
// reader's child process run the server modules directly, outside any browser bundle, so here
// `server-only` alone resolves with the `react-server` condition. Every other package keeps the
// default conditions (react's own react-server build would break anything that renders).

/** @type {import("node:module").ResolveHook} */
export async function resolve(specifier, context, nextResolve) {
  if (specifier !== "server-only") return nextResolve(specifier, context);
  return nextResolve(specifier, { ...context, conditions: [...context.conditions, "react-server"] });
}
