import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { createLogger } from "@/lib/server/logger";

const SECRETS = {
  password: "correct-horse-battery-staple",
  code: "7KQ2-M9XD-44PA",
  accessCode: "ZZ99-AB12-CD34",
  phone: "+218 91 555 0101",
  token: "eyJhbGciOiJIUzI1NiJ9.secret-token",
  cookie: "next-auth.session-token=abcdef0123456789",
  authorization: "Bearer s3cr3t-bearer",
  username: "registrar.hamed",
  givenName: "عبد الرحيم",
  familyName: "الرماني",
  contactName: "سالم عمر",
};

function capturingLogger() {
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(...chunk.toString("utf8").split("\n").filter(Boolean));
      done();
    },
  });
  return { logger: createLogger(destination, "info"), lines };
}

describe("the server logger", () => {
  it("writes JSON lines in which no password, access code, phone, token, cookie or name survives", () => {
    const { logger, lines } = capturingLogger();
    logger.warn({ event: "test.flat", ...SECRETS }, "flat");
    logger.warn({ event: "test.nested", input: SECRETS, request: { headers: { cookie: SECRETS.cookie, authorization: SECRETS.authorization } } }, "nested");

    expect(lines).toHaveLength(2);
    const entries = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(entries.map((entry) => entry.event)).toEqual(["test.flat", "test.nested"]);
    expect(entries[0]).toMatchObject({ password: "[redacted]", code: "[redacted]", phone: "[redacted]", givenName: "[redacted]" });
    expect(entries[1]).toMatchObject({ input: { accessCode: "[redacted]" }, request: { headers: { cookie: "[redacted]" } } });
    for (const secret of Object.values(SECRETS)) expect(lines.join("\n")).not.toContain(secret);
  });

  it("keeps the fields an operator needs to follow an incident", () => {
    const { logger, lines } = capturingLogger();
    logger.info({ event: "familyPortal.refused", reason: "wrongCode", ip: "192.0.2.7" }, "family sign-in refused");
    expect(JSON.parse(lines[0] ?? "{}")).toMatchObject({ event: "familyPortal.refused", reason: "wrongCode", ip: "192.0.2.7", level: 30 });
  });
});
