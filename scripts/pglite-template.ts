import { runCli } from "./support/cli";
import { buildTemplate, templatePaths } from "./support/pglite-template";

/**
 * Part of `npm run build`: an embedded database with every migration applied, which `npm start`
 * copies into a new DATA_DIR instead of creating one (PGlite's initdb takes seconds).
 */
runCli(async () => {
  const outcome = await buildTemplate();
  const { root } = templatePaths();
  console.log(outcome === "built" ? `Prebuilt embedded database made in ${root}.` : `Prebuilt embedded database in ${root} is current.`);
});
