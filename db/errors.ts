import "server-only";
/** A database problem a person can fix; its message says what is wrong and what to do. */
export class DatabaseSetupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "DatabaseSetupError";
  }
}

function errorCode(error: unknown): string | undefined {
  if (typeof error === "object" && error !== null && "code" in error) {
    const code = (error as { code: unknown }).code;
    return typeof code === "string" ? code : undefined;
  }
  return undefined;
}

export function explainPostgresError(error: unknown, where: string): DatabaseSetupError {
  const code = errorCode(error);
  const detail = error instanceof Error ? error.message : String(error);
  switch (code) {
    case "ECONNREFUSED":
    case "ENOTFOUND":
    case "EHOSTUNREACH":
    case "ETIMEDOUT":
    case "CONNECT_TIMEOUT":
      return new DatabaseSetupError(
        `Cannot reach ${where} (${code}). Start PostgreSQL or correct DATABASE_URL; unset DATABASE_URL to use the embedded database.`,
      );
    case "3D000":
      return new DatabaseSetupError(
        `${where} does not exist. Create it (createdb) or correct DATABASE_URL.`,
      );
    case "28P01":
    case "28000":
      return new DatabaseSetupError(`${where} refused the credentials in DATABASE_URL: ${detail}`);
    default:
      return new DatabaseSetupError(`Cannot use ${where}: ${detail}`);
  }
}

export function explainDataDirectoryError(error: unknown, dataDir: string): DatabaseSetupError {
  const code = errorCode(error);
  if (code === "EACCES" || code === "EPERM" || code === "EROFS") {
    return new DatabaseSetupError(
      `The data directory ${dataDir} cannot be read or written (${code}). Fix its permissions or set DATA_DIR to a writable folder.`,
    );
  }
  if (code === "ENOTDIR" || code === "EEXIST") {
    return new DatabaseSetupError(
      `The data directory ${dataDir} is not a folder (${code}). Set DATA_DIR to a folder.`,
    );
  }
  const detail = error instanceof Error ? error.message : String(error);
  return new DatabaseSetupError(`Cannot open the embedded database in ${dataDir}: ${detail}`);
}
