import fs from "node:fs";
import { describeSeeded, seedBoth } from "./seeded-data";

/**
 * `tsx tests/e2e/support/seed-ahead.ts FILE`: seeds the browser tests' demo data (both engines) now
 * and writes where it is to FILE; a later browser run given E2E_SEEDED_AHEAD=FILE copies it instead
 * of seeding, and removes it when it ends (global-setup.ts). `.ci/run` runs this after the build,
 * while the unit and integration tests run.
 */
const output = process.argv[2];
if (!output) throw new Error("usage: tsx tests/e2e/support/seed-ahead.ts FILE");
const started = Date.now();
const seeded = await seedBoth();
fs.writeFileSync(`${output}.partial`, describeSeeded(seeded));
fs.renameSync(`${output}.partial`, output);
console.log(`demo data seeded ahead for the browser tests (embedded${seeded.postgres ? " and PostgreSQL" : ""}) in ${Math.round((Date.now() - started) / 1000)} s`);
// The throw-away database's admin connection stays open for a drop this process leaves to the
// browser run: end here instead of waiting on it.
process.exit(0);
