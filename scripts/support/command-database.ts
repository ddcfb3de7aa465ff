import { describeDatabase, embeddedFallbackRefusal, readDatabaseConfig, type DatabaseConfig } from "@/db/config";
import { UserFacingError } from "./cli";
import { SETTINGS_SOURCE_VARIABLE } from "./load-env-file.mjs";

/** The settings file this command read (load-env-file.mjs), or null when it read none. */
export function settingsFile(): string | null {
  return process.env[SETTINGS_SOURCE_VARIABLE] || null;
}

/**
 * The database this command acts on, announced on standard error (never its password; standard
 * output stays for what a command is asked to print), and refused when it would be an embedded
 * database the settings did not ask for (db/config.ts, embeddedFallbackRefusal).
 */
export function commandDatabaseConfig(announce: (line: string) => void = (line) => console.error(line)): DatabaseConfig {
  const config = readDatabaseConfig();
  const refusal = embeddedFallbackRefusal(config, process.env, settingsFile());
  if (refusal) throw new UserFacingError(refusal);
  const file = settingsFile();
  announce(`Database: ${describeDatabase(config)} (settings: ${file ?? "the environment; no settings file"})`);
  return config;
}
