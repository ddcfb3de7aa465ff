import { decode, encode, type JWT } from "next-auth/jwt";
import { describe, expect, it } from "vitest";

const SECRET = "session-token-test-secret-of-enough-length";
const OTHER_SECRET = "another-installation-secret-of-enough-length";
const EIGHT_HOURS = 8 * 60 * 60;
const TOKEN: JWT = { uid: "5b0e5d3c-9d6a-4f1e-8f3c-2a7b1c9e4d10", tv: 3 };

/** The token's claims when it is accepted, or null when decode refuses it (by throwing or by answering null). */
async function acceptedClaims(token: string, secret: string): Promise<JWT | null> {
  try {
    return await decode({ token, secret });
  } catch {
    return null;
  }
}

/** The same token with one character of its encrypted payload replaced by another. */
function withOneCharacterChanged(token: string): string {
  const parts = token.split(".");
  const ciphertextIndex = parts.length - 2;
  const ciphertext = parts[ciphertextIndex] ?? "";
  const position = Math.floor(ciphertext.length / 2);
  const replacement = ciphertext[position] === "A" ? "B" : "A";
  parts[ciphertextIndex] = ciphertext.slice(0, position) + replacement + ciphertext.slice(position + 1);
  return parts.join(".");
}

describe("the signed session token", () => {
  it("a token signed with the installation's secret is accepted with its user id and version", async () => {
    const token = await encode({ token: TOKEN, secret: SECRET, maxAge: EIGHT_HOURS });
    expect(await acceptedClaims(token, SECRET)).toMatchObject(TOKEN);
  });

  it("a token signed with another secret is rejected", async () => {
    const token = await encode({ token: TOKEN, secret: OTHER_SECRET, maxAge: EIGHT_HOURS });
    expect(await acceptedClaims(token, SECRET)).toBeNull();
  });

  it("a token with one character changed is rejected", async () => {
    const token = await encode({ token: TOKEN, secret: SECRET, maxAge: EIGHT_HOURS });
    const tampered = withOneCharacterChanged(token);
    expect(tampered).not.toBe(token);
    expect(await acceptedClaims(tampered, SECRET)).toBeNull();
  });

  it("an expired token is rejected", async () => {
    const token = await encode({ token: TOKEN, secret: SECRET, maxAge: -60 * 60 });
    expect(await acceptedClaims(token, SECRET)).toBeNull();
  });
});
