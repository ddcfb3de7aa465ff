// `npm run check`: `npm run lint` and `npm run typecheck` on ONE TypeScript program.
//
// ESLint's type-aware rules (no-floating-promises, no-misused-promises, await-thenable) build and
// query a TypeScript program of their own through the project service; `tsc --noEmit` builds
// another from the same tsconfig.json and checks every file. Here the program is built once, its
// diagnostics are what `tsc --noEmit` reports (ts.getPreEmitDiagnostics: options, syntax, global
// and semantic), and the same program is handed to the typed rules (typescript-eslint's
// `parserOptions.programs`), so the checker's work on each file is done once for both. CI runs this
// (.ci/run); `npm run lint` and `npm run typecheck` stay as they are for one check at a time.
// Exits 1 on any type error, any lint error or warning (--max-warnings=0), printing all of them.
import path from "node:path";
import { ESLint } from "eslint";
import ts from "typescript";

const root = path.resolve(import.meta.dirname, "..");

function readProgram() {
  const configFile = path.join(root, "tsconfig.json");
  const parsed = ts.getParsedCommandLineOfConfigFile(configFile, {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: (diagnostic) => report([diagnostic]) });
  if (!parsed) throw new Error(`${configFile} could not be read`);
  const program = ts.createProgram({ rootNames: parsed.fileNames, options: parsed.options, projectReferences: parsed.projectReferences, configFileParsingDiagnostics: parsed.errors });
  return program;
}

const formatHost = { getCanonicalFileName: (name) => name, getCurrentDirectory: () => root, getNewLine: () => "\n" };

function report(diagnostics) {
  process.stderr.write(ts.formatDiagnosticsWithColorAndContext(diagnostics, formatHost));
}

const startedAt = performance.now();
/** Seconds of wall time and of CPU (all threads) since `since`. */
function took(since, cpuSince) {
  const cpu = process.cpuUsage(cpuSince);
  return `${((performance.now() - since) / 1000).toFixed(1)} s, ${((cpu.user + cpu.system) / 1e6).toFixed(1)} CPU-s`;
}
const cpuAtStart = process.cpuUsage();
const program = readProgram();
const typeErrors = ts.getPreEmitDiagnostics(program);
if (typeErrors.length > 0) report(typeErrors);
console.log(`typecheck: ${typeErrors.length} error(s) in ${program.getRootFileNames().length} files (${took(startedAt, cpuAtStart)})`);

const lintStartedAt = performance.now();
const cpuAtLint = process.cpuUsage();
const eslint = new ESLint({
  cwd: root,
  // The config's typed block asks for the project service; here the program above answers instead.
  overrideConfig: [{ files: ["**/*.ts", "**/*.tsx"], languageOptions: { parserOptions: { projectService: false, programs: [program] } } }],
});
const results = await eslint.lintFiles(["."]);
const formatter = await eslint.loadFormatter("stylish");
const output = await formatter.format(results);
if (output) console.log(output);
const lintErrors = results.reduce((sum, result) => sum + result.errorCount, 0);
const lintWarnings = results.reduce((sum, result) => sum + result.warningCount, 0);
console.log(`lint: ${lintErrors} error(s), ${lintWarnings} warning(s) in ${results.length} files (${took(lintStartedAt, cpuAtLint)})`);

if (typeErrors.length > 0 || lintErrors > 0 || lintWarnings > 0) {
  if (lintWarnings > 0 && lintErrors === 0) console.error("ESLint found too many warnings (maximum: 0).");
  process.exitCode = 1;
}
