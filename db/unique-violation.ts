import "server-only";
const UNIQUE_VIOLATION = "23505";

/**
 * True when PostgreSQL refused a row for breaking a unique constraint. Drizzle wraps the driver's
 * error in `cause`, so the chain is followed to the error that carries the SQLSTATE code.
 */
export function isUniqueViolation(error: unknown): boolean {
  let current: unknown = error;
  while (typeof current === "object" && current !== null) {
    if ((current as { code?: unknown }).code === UNIQUE_VIOLATION) return true;
    current = (current as { cause?: unknown }).cause;
  }
  return false;
}
