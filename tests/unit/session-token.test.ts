import { decode as nextAuthDecode, encode as nextAuthEncode } from "next-auth/jwt";
import { afterEach, describe, expect, it, vi } from "vitest";
import { decodeSessionToken, encodeSessionToken } from "@/lib/auth/session-token";

const SECRET = "a-secret-of-more-than-thirty-two-characters-for-tests";
const CLAIMS = { uid: "6f1c2b9e-0000-4000-8000-000000000001", tv: 3, sid: "6f1c2b9e-0000-4000-8000-000000000002" };

describe("the staff session token", () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it("a token next-auth issued (a session from before this release) still signs its holder in", async () => {
    const issuedBefore = await nextAuthEncode({ token: CLAIMS, secret: SECRET, maxAge: 3_600 });
    expect(await decodeSessionToken({ token: issuedBefore, secret: SECRET })).toMatchObject(CLAIMS);
  });

  it("a token issued now reads with next-auth's own decoding, so the format is next-auth's", async () => {
    const issued = await encodeSessionToken({ token: CLAIMS, secret: SECRET, maxAge: 3_600 });
    expect(await nextAuthDecode({ token: issued, secret: SECRET })).toMatchObject(CLAIMS);
  });

  it("each token is sealed afresh: two sign-ins with the same claims never share a token or an id", async () => {
    const first = await encodeSessionToken({ token: CLAIMS, secret: SECRET, maxAge: 3_600 });
    const second = await encodeSessionToken({ token: CLAIMS, secret: SECRET, maxAge: 3_600 });
    expect(first).not.toBe(second);
    const [one, two] = await Promise.all([decodeSessionToken({ token: first, secret: SECRET }), decodeSessionToken({ token: second, secret: SECRET })]);
    expect(one?.jti).not.toBe(two?.jti);
  });

  it("a token sealed under another secret, or with another salt, is refused", async () => {
    const issued = await encodeSessionToken({ token: CLAIMS, secret: SECRET, maxAge: 3_600 });
    await expect(decodeSessionToken({ token: issued, secret: `${SECRET}-rotated` })).rejects.toThrow();
    await expect(decodeSessionToken({ token: issued, secret: SECRET, salt: "other" })).rejects.toThrow();
    // The key of the first secret is still the right one after the other was derived.
    expect(await decodeSessionToken({ token: issued, secret: SECRET })).toMatchObject(CLAIMS);
  });

  it("an expired token is refused, and no token reads as no session", async () => {
    const expired = await encodeSessionToken({ token: CLAIMS, secret: SECRET, maxAge: -60 });
    await expect(decodeSessionToken({ token: expired, secret: SECRET })).rejects.toThrow(/exp/);
    expect(await decodeSessionToken({ token: undefined, secret: SECRET })).toBeNull();
  });

  it("a token read once is refused under another secret all the same, and refused once it has expired", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    const issued = await encodeSessionToken({ token: CLAIMS, secret: SECRET, maxAge: 60 });
    expect(await decodeSessionToken({ token: issued, secret: SECRET })).toMatchObject(CLAIMS);
    await expect(decodeSessionToken({ token: issued, secret: `${SECRET}-rotated` })).rejects.toThrow();
    expect(await decodeSessionToken({ token: issued, secret: SECRET })).toMatchObject(CLAIMS);
    // Past its expiry and the fifteen seconds of clock skew forgiven.
    vi.setSystemTime(Date.now() + 76_000);
    await expect(decodeSessionToken({ token: issued, secret: SECRET })).rejects.toThrow(/exp/);
  });

  it("the claims handed out are a copy: changing them does not change the next reading", async () => {
    const issued = await encodeSessionToken({ token: CLAIMS, secret: SECRET, maxAge: 3_600 });
    const first = await decodeSessionToken({ token: issued, secret: SECRET });
    if (first) first.uid = "someone-else";
    expect(await decodeSessionToken({ token: issued, secret: SECRET })).toMatchObject(CLAIMS);
  });
});
