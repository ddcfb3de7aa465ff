import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

/**
 * A fresh embedded database costs PGlite's initdb (seconds) plus every migration. `npm run build`
 * therefore leaves an already-migrated data directory in the build's folder, and `npm start` copies it
 * into a DATA_DIR that holds no database yet. The template is only used while its key matches: the
 * PGlite version and every migration file, so a new migration or a PGlite upgrade makes it stale
 * and the server falls back to creating and migrating the database itself.
 */

/** Bumped when the template's layout or the way it is made changes. */
const TEMPLATE_FORMAT = "1";

export interface TemplatePaths {
  /** Where the template lives: `pglite-template` in a build's folder, made by `npm run build`. */
  root: string;
  /** The PGlite data directory inside it. */
  dataDir: string;
  /** The key the template was made for. */
  keyFile: string;
}

/** `buildFolder`: a production build's folder (scripts/support/build-folders.mjs). */
export function templatePaths(buildFolder: string): TemplatePaths {
  const root = path.join(buildFolder, "pglite-template");
  return { root, dataDir: path.join(root, "pglite"), keyFile: path.join(root, "key") };
}

/** What the template depends on: the PGlite version and the content of every migration file. */
export function templateKey(projectRoot: string = process.cwd()): string {
  const hash = createHash("sha256").update(`format ${TEMPLATE_FORMAT}\n`);
  const pglitePackage = path.join(projectRoot, "node_modules", "@electric-sql", "pglite", "package.json");
  const { version } = JSON.parse(fs.readFileSync(pglitePackage, "utf8")) as { version: string };
  hash.update(`pglite ${version}\n`);
  const migrations = path.join(projectRoot, "db", "migrations");
  const files = fs.readdirSync(migrations, { recursive: true, encoding: "utf8" }).sort();
  for (const file of files) {
    const full = path.join(migrations, file);
    if (!fs.statSync(full).isFile()) continue;
    hash.update(`${file}\n`).update(fs.readFileSync(full)).update("\n");
  }
  return hash.digest("hex");
}

/** True when a template exists and was made from the current migrations and PGlite version. */
export function templateIsCurrent(paths: TemplatePaths, key: string): boolean {
  try {
    return fs.readFileSync(paths.keyFile, "utf8").trim() === key && fs.existsSync(path.join(paths.dataDir, "PG_VERSION"));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return false;
    throw error;
  }
}

/** No database there yet: the folder is missing or empty. Anything else is never overwritten. */
function holdsNothing(dataDir: string): boolean {
  try {
    return fs.readdirSync(dataDir).length === 0;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return true;
    throw error;
  }
}

/** Copies left by a start that was killed mid-copy; they never held anyone's data. */
function removeInterruptedCopies(dataDir: string): void {
  const parent = path.dirname(dataDir);
  const prefix = `${path.basename(dataDir)}.partial-`;
  for (const entry of fs.readdirSync(parent)) {
    if (entry.startsWith(prefix)) fs.rmSync(path.join(parent, entry), { recursive: true, force: true });
  }
}

/**
 * Copies the template into `dataDir` when that holds no database yet; the caller holds the data
 * directory's lock and has created its parent. The copy is made beside it and renamed into place,
 * so an interrupted copy never leaves a half database, and the rename itself refuses a folder that
 * is not empty. Returns false, leaving `dataDir` as it was, when it already holds something or there
 * is no current template: the server then opens it, or creates and migrates it, as usual.
 */
export function copyTemplateIfEmpty(dataDir: string, buildFolder: string, projectRoot: string = process.cwd()): boolean {
  removeInterruptedCopies(dataDir);
  const paths = templatePaths(buildFolder);
  if (!holdsNothing(dataDir) || !templateIsCurrent(paths, templateKey(projectRoot))) return false;
  const partial = `${dataDir}.partial-${process.pid}`;
  try {
    fs.cpSync(paths.dataDir, partial, { recursive: true, mode: fs.constants.COPYFILE_FICLONE });
    fs.renameSync(partial, dataDir);
  } finally {
    fs.rmSync(partial, { recursive: true, force: true });
  }
  return true;
}

/**
 * Makes the template for the current migrations in `buildFolder` (unless it is already current): a
 * new embedded database, migrated by the same code as the server, made aside and renamed into place.
 * A current template in `reuseFrom` (the previous build) is copied instead, sparing initdb.
 */
export async function buildTemplate(buildFolder: string, projectRoot: string = process.cwd(), reuseFrom?: string): Promise<"built" | "copied" | "current"> {
  const paths = templatePaths(buildFolder);
  const key = templateKey(projectRoot);
  if (templateIsCurrent(paths, key)) return "current";
  const reusable = reuseFrom === undefined ? null : templatePaths(reuseFrom);
  if (reusable && templateIsCurrent(reusable, key)) {
    copyFolderIntoPlace(reusable.root, paths.root);
    return "copied";
  }
  const { openDatabase } = await import("@/db/client");
  const { migrateDatabase } = await import("@/db/migrate");
  const building = `${paths.root}.building-${process.pid}`;
  fs.rmSync(building, { recursive: true, force: true });
  try {
    const handle = await openDatabase({ kind: "pglite", dataDir: path.join(building, "pglite") });
    try {
      await migrateDatabase(handle);
    } finally {
      await handle.close();
    }
    fs.writeFileSync(path.join(building, "key"), `${key}\n`);
    fs.rmSync(paths.root, { recursive: true, force: true });
    fs.renameSync(building, paths.root);
  } finally {
    fs.rmSync(building, { recursive: true, force: true });
  }
  return "built";
}

/** A copy made beside `target` and renamed into place, so an interrupted copy is never taken for a template. */
function copyFolderIntoPlace(source: string, target: string): void {
  const partial = `${target}.copying-${process.pid}`;
  try {
    fs.cpSync(source, partial, { recursive: true, mode: fs.constants.COPYFILE_FICLONE });
    fs.rmSync(target, { recursive: true, force: true });
    fs.renameSync(partial, target);
  } finally {
    fs.rmSync(partial, { recursive: true, force: true });
  }
}
