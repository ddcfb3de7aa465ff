import pino, { type DestinationStream, type Logger } from "pino";
import { environmentUnchecked } from "@/lib/env";

/**
 * Fields that must never reach a log line: secrets, and the personal data of the families and the
 * missing. Listed at the top level and one and two levels down (pino's paths do not recurse).
 */
const SENSITIVE_FIELDS = [
  "password",
  "newPassword",
  "currentPassword",
  "code",
  "accessCode",
  "phone",
  "token",
  "cookie",
  "authorization",
  "username",
  "name",
  "displayName",
  "givenName",
  "fatherName",
  "grandfatherName",
  "familyName",
  "nameLatin",
  "contactName",
];

export const REDACTED_PATHS = SENSITIVE_FIELDS.flatMap((field) => [field, `*.${field}`, `*.*.${field}`]);

/**
 * Quiet under vitest unless LOG_LEVEL asks otherwise; "info" in a running server. Read without the
 * settings check (environmentUnchecked): the logger is how a server reports that its settings are
 * wrong, so it must not be the one to throw (a 10-character AUTH_SECRET left the server up, its
 * refusal unsaid, tests/e2e/start-checks.test.ts).
 */
function defaultLevel(): string {
  const { LOG_LEVEL, VITEST } = environmentUnchecked();
  return LOG_LEVEL ?? (VITEST ? "silent" : "info");
}

export function createLogger(destination?: DestinationStream, level: string = defaultLevel()): Logger {
  const options = { level, redact: { paths: REDACTED_PATHS, censor: "[redacted]" } };
  return destination ? pino(options, destination) : pino(options);
}

/** The server's one logger: JSON lines on stdout, personal data and secrets redacted. */
export const logger = createLogger();

/** The error's kind and call stack only: its message may quote the values that were being saved. */
export function errorWithoutValues(error: unknown): { errorName: string; frames?: string[] } {
  if (!(error instanceof Error)) return { errorName: typeof error };
  return { errorName: error.name, frames: error.stack?.split("\n").slice(1).map((frame) => frame.trim()) };
}
