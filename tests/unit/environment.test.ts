import { describe, expect, it } from "vitest";
import { EnvironmentError, parseEnvironment, parseProductionEnvironment } from "@/lib/env";

const SECRET = "a".repeat(32);
const PRODUCTION = { NODE_ENV: "production", AUTH_SECRET: SECRET, NEXTAUTH_URL: "https://registry.example.ly" };

/** The message a bad environment stops the start with. */
function refusal(parse: () => unknown): string {
  try {
    parse();
  } catch (error) {
    if (error instanceof EnvironmentError) return error.message;
    throw error;
  }
  throw new Error("the environment was accepted");
}

describe("the registry's environment, checked in one place", () => {
  it("refuses an AUTH_SECRET shorter than 32 characters, naming it, in development as in production", () => {
    expect(refusal(() => parseEnvironment({ AUTH_SECRET: "ten-chars!" }))).toMatch(/^AUTH_SECRET is too short: use at least 32 characters/);
    expect(refusal(() => parseProductionEnvironment({ ...PRODUCTION, AUTH_SECRET: "ten-chars!" }))).toMatch(/^AUTH_SECRET is too short/);
    expect(parseEnvironment({ AUTH_SECRET: ` ${SECRET} ` }).AUTH_SECRET).toBe(SECRET);
  });

  it("production needs the secret and the public address; development does without them", () => {
    const message = refusal(() => parseProductionEnvironment({ NODE_ENV: "production", AUTH_SECRET: " ", NEXTAUTH_URL: "" }));
    expect(message).toContain("AUTH_SECRET is not set");
    expect(message).toContain("NEXTAUTH_URL is not set");
    const development = parseEnvironment({ NODE_ENV: "development" });
    expect([development.AUTH_SECRET, development.NEXTAUTH_URL]).toEqual([undefined, undefined]);
    expect(parseProductionEnvironment(PRODUCTION)).toMatchObject(PRODUCTION);
  });

  it("names every malformed address, port and proxy setting at once", () => {
    const message = refusal(() =>
      parseEnvironment({
        NEXTAUTH_URL: "registry.example.ly",
        PUBLIC_URL: "javascript:alert(1)",
        DATABASE_URL: "mysql://db/registry",
        MIGRATION_DATABASE_URL: "not an address",
        PORT: "70000",
        TRUST_PROXY_HOPS: "two",
        REQUIRE_MFA: "yes",
        LOG_LEVEL: "loud",
        DATABASE_STALL_SECONDS: "0",
      }),
    );
    for (const name of ["NEXTAUTH_URL", "PUBLIC_URL", "DATABASE_URL", "MIGRATION_DATABASE_URL", "PORT", "TRUST_PROXY_HOPS", "REQUIRE_MFA", "LOG_LEVEL", "DATABASE_STALL_SECONDS"]) {
      expect(message).toMatch(new RegExp(`^${name} `, "m"));
    }
    expect(refusal(() => parseEnvironment({ TRUSTED_PROXIES: "10.0.0.5, proxy.example" }))).toMatch(/^TRUSTED_PROXIES holds "proxy.example"/);
  });

  it("reads what is well formed into values: defaults, numbers and switches", () => {
    expect(parseEnvironment({})).toEqual({ PORT: 3000, REQUIRE_MFA: false, TARHUNA_DEMO: false });
    expect(
      parseEnvironment({ PORT: " 8080 ", TRUST_PROXY_HOPS: "1", REQUIRE_MFA: "1", TARHUNA_DEMO: "1", BACKUP_DIR: "/var/lib/tarhuna-registry/backups", DATABASE_URL: "postgresql://app@127.0.0.1:5432/registry", DATA_DIR: "", DATABASE_STALL_SECONDS: "3" }),
    ).toMatchObject({ DATABASE_STALL_SECONDS: 3, PORT: 8080, TRUST_PROXY_HOPS: 1, REQUIRE_MFA: true, TARHUNA_DEMO: true, BACKUP_DIR: "/var/lib/tarhuna-registry/backups", DATABASE_URL: "postgresql://app@127.0.0.1:5432/registry" });
  });

  it("takes a primary and its standby in DATABASE_URL only with target_session_attrs=primary, which keeps writes off the standby", () => {
    const both = "postgres://app@10.0.0.5:5432,10.0.0.6:5432/registry";
    expect(parseEnvironment({ DATABASE_URL: `${both}?target_session_attrs=primary` }).DATABASE_URL).toBe(`${both}?target_session_attrs=primary`);
    for (const wrong of [both, `${both}?target_session_attrs=read-write`]) {
      expect(refusal(() => parseEnvironment({ DATABASE_URL: wrong })), wrong).toMatch(/^DATABASE_URL names several hosts, so it must end in \?target_session_attrs=primary/);
    }
  });
});
