import { fileURLToPath } from "node:url";

/** The repository root, so that commands run from the same place however vitest was started. */
export const repositoryRoot = fileURLToPath(new URL("../../../", import.meta.url));
