import { runCli, UserFacingError } from "./support/cli";
import { buildAndSwapIn, DEFAULT_BUILDS_KEPT } from "./support/production-build";

function buildsKept(argv: string[]): number {
  const at = argv.indexOf("--keep");
  if (at === -1) return DEFAULT_BUILDS_KEPT;
  const kept = Number(argv[at + 1]);
  if (!Number.isInteger(kept) || kept < 2) throw new UserFacingError("--keep takes a whole number of builds, at least 2 (the current one and the one before it).");
  return kept;
}

/** `npm run build [-- --keep N]`: see buildAndSwapIn. */
runCli(async () => {
  await buildAndSwapIn(buildsKept(process.argv.slice(2)));
});
