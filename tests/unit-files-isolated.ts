/**
 * The unit files that replace a module (vi.mock) or the environment (vi.stubEnv, vi.stubGlobal). The
 * other unit files share their worker's modules (`isolate: false`, vitest.config.ts): loading each
 * file's modules anew took most of the unit tests' time (bench/RESULTS.md, "CI time"). A mock would not
 * apply to a module another file already loaded in the same worker, so these files run isolated.
 * tests/unit/unit-isolation.test.ts fails when a unit file that mocks is not listed here.
 */
export const UNIT_FILES_ISOLATED = ["tests/unit/kinship-family-locus.test.ts", "tests/unit/proxy-matcher.test.ts"];
