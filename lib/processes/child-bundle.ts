import { mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import { createRequire, isBuiltin } from "node:module";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";

/**
 * The file a child process runs (the import's reader, lib/import/parse-child.ts; the sampling
 * refresh's simulation, lib/sampling-worklist/sampling-child.ts): the module and those it imports,
 * bundled by esbuild into one JavaScript file, instead of tsx resolving and compiling each of them
 * again at every start (about 0.15–0.2 s of CPU less per import, bench/RESULTS.md). Built once per
 * server process and again only when one of its source files has changed (the dev server keeps
 * running while they are edited). Packages are not bundled but named by their absolute path, so
 * that the file can live in a private temporary folder: in production the app's own folder is
 * read-only.
 */

/** Found from the app's folder, not from this module: in the production build this code runs from a bundle under .next/. */
const APP_ROOT = /* turbopackIgnore: true */ process.cwd();

interface BuiltChild {
  entry: string;
  /** Each source file bundled, with its modification time at the build. */
  sources: Map<string, number>;
}

let folder: string | null = null;
/** Per source file (its path from the app's folder), the build in use or under way. */
const current = new Map<string, Promise<BuiltChild>>();
let builds = 0;

function privateFolder(): string {
  if (folder === null) {
    const created = mkdtempSync(path.join(os.tmpdir(), "tarhuna-child-"));
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

async function buildChild(source: string): Promise<BuiltChild> {
  const { build } = await import("esbuild");
  const requireFromApp = createRequire(path.join(APP_ROOT, "package.json"));
  const result = await build({
    absWorkingDir: APP_ROOT,
    entryPoints: [path.join(APP_ROOT, source)],
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
  if (!output) throw new Error(`esbuild wrote nothing for ${source}`);
  builds += 1;
  const entry = path.join(privateFolder(), `${path.basename(source, ".ts")}-${builds}.mjs`);
  writeFileSync(entry, output.contents, { mode: 0o600 });
  const sources = new Map(Object.keys(result.metafile.inputs).map((input) => path.resolve(APP_ROOT, input)).map((file) => [file, modifiedAt(file)]));
  return { entry, sources };
}

const unchanged = ({ sources }: BuiltChild) => [...sources].every(([file, mtime]) => modifiedAt(file) === mtime);

/** The path of the JavaScript file bundled from `source` (a path from the app's folder), built on first use. */
export async function childEntry(source: string): Promise<string> {
  const previous = current.get(source);
  if (previous) {
    const built = await previous.catch(() => null);
    if (built && unchanged(built)) return built.entry;
  }
  const building = buildChild(source);
  current.set(source, building);
  return (await building).entry;
}
