/**
 * A PostgreSQL connection address as libpq, pg_dump and postgres.js read it, including the
 * multi-host form a standby needs: postgres://user:password@primary:5432,standby:5432/registry?target_session_attrs=primary
 * (docs/DEPLOY.md, "A standby"). WHATWG's URL refuses a host list, so the hosts are read here and
 * the rest by URL on the address with its first host alone, as postgres.js itself does.
 */
export interface PostgresAddress {
  hosts: { host: string; port: string }[];
  username: string;
  password: string;
  database: string;
  searchParams: URLSearchParams;
}

interface AddressParts {
  scheme: string;
  credentials: string;
  hostList: string;
  rest: string;
}

function splitAddress(address: string): AddressParts | null {
  const match = /^(postgres(?:ql)?:\/\/)([^/?#]*)(.*)$/s.exec(address.trim());
  if (!match) return null;
  const [, scheme = "", authority = "", rest = ""] = match;
  const at = authority.lastIndexOf("@");
  return { scheme, credentials: authority.slice(0, at + 1), hostList: authority.slice(at + 1), rest };
}

/** The parts of the address, or null when it is not a PostgreSQL address. */
export function parsePostgresAddress(address: string): PostgresAddress | null {
  const parts = splitAddress(address);
  if (!parts) return null;
  try {
    const hosts = parts.hostList.split(",").map((entry) => {
      const url = new URL(`${parts.scheme}${entry}`);
      if (!url.hostname) throw new Error("no host");
      return { host: url.hostname, port: url.port || "5432" };
    });
    const first = new URL(`${parts.scheme}${parts.credentials}${parts.hostList.split(",")[0] ?? ""}${parts.rest}`);
    return {
      hosts,
      username: decodeURIComponent(first.username),
      password: decodeURIComponent(first.password),
      database: decodeURIComponent(first.pathname.replace(/^\//, "")),
      searchParams: first.searchParams,
    };
  } catch {
    return null;
  }
}

/** The address with its password left out (every host kept), for a client that reads the password elsewhere. */
export function addressWithoutPassword(address: string): string {
  const parts = splitAddress(address);
  if (!parts || !parts.credentials) return address;
  const username = parts.credentials.slice(0, -1).split(":")[0] ?? "";
  return `${parts.scheme}${username ? `${username}@` : ""}${parts.hostList}${parts.rest}`;
}

/** "127.0.0.1:5432, 127.0.0.1:5433/registry": where the address points, never its password. */
export function describePostgresAddress(address: PostgresAddress): string {
  return `${address.hosts.map(({ host, port }) => `${host}:${port}`).join(", ")}/${address.database}`;
}

/** The same address naming another database on the same server(s): a restore drill's scratch database. */
export function addressWithDatabase(address: string, database: string): string {
  const parts = splitAddress(address);
  if (!parts) return address;
  const query = parts.rest.search(/[?#]/);
  const tail = query >= 0 ? parts.rest.slice(query) : "";
  return `${parts.scheme}${parts.credentials}${parts.hostList}/${encodeURIComponent(database)}${tail}`;
}
