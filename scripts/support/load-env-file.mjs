// The one settings file every command and the server read (docs/DEPLOY.md, "Configuration"):
// TARHUNA_ENV_FILE when set (e.g. /etc/tarhuna-registry/env), otherwise `.env` in the project
// folder. Loaded by register-server-only.mjs, which every `npm run` command and `npm start` import
// first, so no command can act on other settings than the server. A variable already set in the
// process's own environment wins over the file (systemd's EnvironmentFile, a one-off override).
// Plain JavaScript: node runs it as a preload, before any TypeScript is compiled.
import fs from "node:fs";
import path from "node:path";
import { parseEnv } from "node:util";

/** Set here for the command and every process it starts: the file read, or "" when none. */
export const SETTINGS_SOURCE_VARIABLE = "TARHUNA_SETTINGS_FILE";

export class SettingsFileError extends Error {}

/**
 * Reads the settings file into `env` (never replacing a variable already there) and returns the
 * file's path, or null when there is none. A TARHUNA_ENV_FILE that names no readable file is an
 * error: the operator asked for it, and running without it is how commands used to miss settings.
 * @param {Record<string, string | undefined>} env
 * @param {string} cwd
 */
export function loadSettingsFile(env = process.env, cwd = process.cwd()) {
  const named = env.TARHUNA_ENV_FILE?.trim();
  const file = named ? path.resolve(cwd, named) : path.join(cwd, ".env");
  let text;
  try {
    text = fs.readFileSync(file, "utf8");
  } catch (error) {
    if (!named && error?.code === "ENOENT") {
      env[SETTINGS_SOURCE_VARIABLE] ??= "";
      return null;
    }
    throw new SettingsFileError(`TARHUNA_ENV_FILE names ${file}, which cannot be read (${error?.code ?? error}).`);
  }
  for (const [name, value] of Object.entries(parseEnv(text))) {
    if (!(name in env)) env[name] = value;
  }
  env[SETTINGS_SOURCE_VARIABLE] = file;
  return file;
}

/** A warning when others on the machine can read the file (it holds AUTH_SECRET and DATABASE_URL's password). */
export function settingsFileExposure(file) {
  try {
    const mode = fs.statSync(file).mode & 0o777;
    if ((mode & 0o077) === 0) return null;
    return `Warning: ${file} holds secrets but its mode is ${mode.toString(8).padStart(4, "0")}: make it readable by its owner alone (chmod 600 ${file}).`;
  } catch {
    return null;
  }
}

/**
 * The preload's first step (register-server-only.mjs): the settings file read into process.env, a
 * warning when others can read it, and exit code 1 with one line when the file named cannot be
 * read. Returns false when it ended the command: reached only where process.exit does not end the
 * process (a test that runs a command in its own process, tests/integration/support/run-script-in-process.ts).
 */
export function readSettingsFileForCommand() {
  try {
    const file = loadSettingsFile();
    const exposure = file ? settingsFileExposure(file) : null;
    if (exposure) console.warn(exposure);
    return true;
  } catch (error) {
    if (!(error instanceof SettingsFileError)) throw error;
    console.error(`Error: ${error.message}`);
    process.exit(1);
    return false;
  }
}
