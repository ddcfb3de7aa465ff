import { mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import { createRequire, isBuiltin } from "node:module";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";

/**
 * The file the reading process runs: parse-child.ts and the modules it imports, bundled by esbuild
 * into one JavaScript file, instead of tsx resolving and compiling each of them again at every
 * start (about 0.15–0.2 s of CPU less per import, bench/RESULTS.md). Built once per server process
 * and again only when one of its source files has changed (the dev server keeps running while they
 * are edited). Packages are not bundled but named by their absolute path, so that the file can live
 * in a private temporary folder: in production the app's own folder is read-only.
 */

/** Found from the app's folder, not from this module: in the production build this code runs from a bundle under .next/. */
const APP_ROOT = /* turbopackIgnore: true */ process.cwd();
const READER_SOURCE = path.join(APP_ROOT, "lib", "import", "parse-child.ts");

interface BuiltReader {
  entry: string;
  /** Each source file bundled, with its modification time at the build. */
  sources: Map<string, number>;
}

let folder: string | null = null;
let current: Promise<BuiltReader> | null = null;
let builds = 0;

function privateFolder(): string {
  if (folder === null) {
    const created = mkdtempSync(path.join(os.tmpdir(), "tarhuna-import-reader-"));
    folder = created;
    process.once("exit", () => rmSync(created, { recursive: true, force: true }));
  }
  return folder;
}

const modifiedAt = (file: string) => {
  try {
    return statSync(file).mtimeMs;
  } catch {
    return Number.NaN;
  }
};

async function buildReader(): Promise<BuiltReader> {
  const { build } = await import("esbuild");
  const requireFromApp = createRequire(path.join(APP_ROOT, "package.json"));
  const result = await build({
    absWorkingDir: APP_ROOT,
    entryPoints: [READER_SOURCE],
    tsconfig: path.join(APP_ROOT, "tsconfig.json"),
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node22",
    write: false,
    metafile: true,
    logLevel: "silent",
    plugins: [
      {
        name: "packages-by-absolute-path",
        setup(bundler) {
          bundler.onResolve({ filter: /^[^./]/ }, ({ path: specifier }) => {
            if (specifier.startsWith("@/")) return undefined; // the app's own modules (tsconfig paths): bundled
            if (isBuiltin(specifier)) return { external: true };
            return { path: pathToFileURL(requireFromApp.resolve(specifier)).href, external: true };
          });
        },
      },
    ],
  });
  const [output] = result.outputFiles;
  if (!output) throw new Error("esbuild wrote no reader");
  builds += 1;
  const entry = path.join(privateFolder(), `parse-child-${builds}.mjs`);
  writeFileSync(entry, output.contents, { mode: 0o600 });
  const sources = new Map(Object.keys(result.metafile.inputs).map((input) => path.resolve(APP_ROOT, input)).map((file) => [file, modifiedAt(file)]));
  return { entry, sources };
}

const unchanged = ({ sources }: BuiltReader) => [...sources].every(([file, mtime]) => modifiedAt(file) === mtime);

/** The path of the reader's JavaScript file, built on first use. */
export async function readerEntry(): Promise<string> {
  if (current) {
    const built = await current.catch(() => null);
    if (built && unchanged(built)) return built.entry;
  }
  const building = buildReader();
  current = building;
  return (await building).entry;
}
