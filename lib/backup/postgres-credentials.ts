import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { addressWithoutPassword, parsePostgresAddress } from "@/lib/postgres-address";

/** A connection for the PostgreSQL client programs: the URL without its password, the password in a passfile. */
export interface ClientConnection {
  /** Safe on a command line, which every user of the machine can read (ps, /proc). */
  dbname: string;
  /** PGPASSFILE for the child, when the URL held a password. */
  environment: NodeJS.ProcessEnv;
  /** Removes the passfile; call it once the child has ended. */
  dispose(): void;
}

/** `\` and `:` are the passfile's separators: escaped, the password is read back whole. */
function passfileField(value: string): string {
  return value.replace(/\\/g, "\\\\").replace(/:/g, "\\:");
}

/**
 * Moves the password out of the URL into a 0600 passfile in a private temporary folder, read by
 * pg_dump and pg_restore through PGPASSFILE; the process list then never shows it.
 */
export function clientConnection(url: string): ClientConnection {
  const password = parsePostgresAddress(url)?.password ?? "";
  if (password === "") return { dbname: url, environment: { ...process.env }, dispose: () => {} };
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), "tarhuna-pgpass-"));
  const passfile = path.join(directory, "pgpass");
  fs.writeFileSync(passfile, `*:*:*:*:${passfileField(password)}\n`, { mode: 0o600 });
  const environment: NodeJS.ProcessEnv = { ...process.env, PGPASSFILE: passfile };
  // A password the operator exported would win over the passfile and could be the wrong one.
  delete environment.PGPASSWORD;
  return {
    // libpq reads a host list too (a primary and its standby), which WHATWG's URL cannot write back.
    dbname: addressWithoutPassword(url),
    environment,
    dispose: () => fs.rmSync(directory, { recursive: true, force: true }),
  };
}
