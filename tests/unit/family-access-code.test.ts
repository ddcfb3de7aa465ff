import { describe, expect, it } from "vitest";
import {
  ACCESS_CODE_ALPHABET,
  ACCESS_CODE_LENGTH,
  accessCodeSpace,
  formatAccessCode,
  generateAccessCode,
  normaliseFamilyReference,
  parseAccessCode,
} from "@/lib/family-portal/access-code";
import { DEMO_FAMILY_ACCESS } from "@/lib/demo/family-access";
import { signFamilySession, verifyFamilySession } from "@/lib/family-portal/session-token";

const LOOK_ALIKES = ["0", "O", "D", "Q", "1", "I", "L", "Z", "S", "G", "B", "U", "V"];

describe("family access codes", () => {
  it("use no character that reads like another", () => {
    for (const character of LOOK_ALIKES) expect(ACCESS_CODE_ALPHABET).not.toContain(character);
    expect(new Set(ACCESS_CODE_ALPHABET).size).toBe(ACCESS_CODE_ALPHABET.length);
  });

  it("have at least 10^12 possibilities", () => {
    expect(accessCodeSpace()).toBeGreaterThanOrEqual(1e12);
  });

  it("are generated with the full length from the alphabet only", () => {
    for (let run = 0; run < 200; run += 1) {
      const code = generateAccessCode();
      expect(code).toHaveLength(ACCESS_CODE_LENGTH);
      expect([...code].every((character) => ACCESS_CODE_ALPHABET.includes(character))).toBe(true);
    }
  });

  it("come out different every time and use every character of the alphabet", () => {
    const codes = Array.from({ length: 500 }, generateAccessCode);
    expect(new Set(codes).size).toBe(codes.length);
    expect(new Set(codes.join("")).size).toBe(ACCESS_CODE_ALPHABET.length);
  });

  it("are printed in groups of four for reading aloud", () => {
    expect(formatAccessCode("HK7M3PXAT9WE")).toBe("HK7M-3PXA-T9WE");
    expect(formatAccessCode(generateAccessCode())).toMatch(/^[^-]{4}-[^-]{4}-[^-]{4}$/);
  });

  it("are read back whatever the spaces, dashes, case or Arabic digits typed", () => {
    expect(parseAccessCode("HK7M-3PXA-T9WE")).toBe("HK7M3PXAT9WE");
    expect(parseAccessCode(" hk7m 3pxa t9we ")).toBe("HK7M3PXAT9WE");
    expect(parseAccessCode("hk٧m-٣pxa-t٩we")).toBe("HK7M3PXAT9WE");
    const code = generateAccessCode();
    expect(parseAccessCode(formatAccessCode(code).toLowerCase())).toBe(code);
  });

  it("are refused when too short, too long or holding a character outside the alphabet", () => {
    expect(parseAccessCode("HK7M-3PXA-T9W")).toBeNull();
    expect(parseAccessCode("HK7M-3PXA-T9WEE")).toBeNull();
    expect(parseAccessCode("HK7M-3PXA-T9W0")).toBeNull();
    expect(parseAccessCode("")).toBeNull();
  });

  it("give the demo families codes the parser accepts", () => {
    for (const family of DEMO_FAMILY_ACCESS) expect(parseAccessCode(family.code)).not.toBeNull();
  });

  it("leave family references in their stored form", () => {
    expect(normaliseFamilyReference(" trh-f-0018 ")).toBe("TRH-F-0018");
    expect(normaliseFamilyReference("TRH-F-٠٠١٨")).toBe("TRH-F-0018");
  });
});

describe("the family session token", () => {
  const claims = { familyId: "3f6c1b0e-7d2a-4c55-9a43-0b1e2f3a4b5c", sessionId: "9d1c6f2a-4b3e-4e7a-8c21-5f0a1b2c3d4e", codeIssuedAt: 1_700_000_000_000, expiresAt: Date.now() + 60_000 };

  it("carries the family, its server-side session and its code's issue time", () => {
    expect(verifyFamilySession(signFamilySession(claims))).toEqual(claims);
  });

  it("is refused once expired", () => {
    expect(verifyFamilySession(signFamilySession({ ...claims, expiresAt: Date.now() - 1 }))).toBeNull();
  });

  it("is refused when its content was changed", () => {
    const [, signature] = signFamilySession(claims).split(".");
    const forged = Buffer.from(JSON.stringify({ f: "another-family", s: claims.sessionId, i: claims.codeIssuedAt, e: claims.expiresAt })).toString("base64url");
    expect(verifyFamilySession(`${forged}.${signature}`)).toBeNull();
    expect(verifyFamilySession("garbage")).toBeNull();
    expect(verifyFamilySession(undefined)).toBeNull();
  });
});
