import { describe, expect, test } from "vitest";
import { addressWithoutPassword, describePostgresAddress, parsePostgresAddress } from "@/lib/postgres-address";

describe("PostgreSQL addresses, with one host or a primary and its standby", () => {
  test("a host list is read host by host, with the user, password, database and options of the address", () => {
    const address = parsePostgresAddress("postgres://tarhuna_app:s%40cret@db1.example:5432,10.0.0.7:5433/registry?target_session_attrs=primary");
    expect(address?.hosts).toEqual([
      { host: "db1.example", port: "5432" },
      { host: "10.0.0.7", port: "5433" },
    ]);
    expect(address).toMatchObject({ username: "tarhuna_app", password: "s@cret", database: "registry" });
    expect(address?.searchParams.get("target_session_attrs")).toBe("primary");
    expect(address && describePostgresAddress(address)).toBe("db1.example:5432, 10.0.0.7:5433/registry");
  });

  test("one host keeps working as before; the port defaults to 5432", () => {
    const address = parsePostgresAddress("postgresql://postgres@127.0.0.1/test");
    expect(address && describePostgresAddress(address)).toBe("127.0.0.1:5432/test");
  });

  test("what is not a PostgreSQL address is refused", () => {
    for (const wrong of ["mysql://u@h/db", "postgres://u@h:notaport/db", "postgres://u@h1:5432,:5433/db", "registry"]) {
      expect(parsePostgresAddress(wrong), wrong).toBeNull();
    }
  });

  test("the password is left out for pg_dump's passfile, every host kept", () => {
    expect(addressWithoutPassword("postgres://app:pw@h1:5432,h2:5432/registry?sslmode=require")).toBe("postgres://app@h1:5432,h2:5432/registry?sslmode=require");
  });
});
