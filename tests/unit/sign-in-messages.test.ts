import { describe, expect, it } from "vitest";
import { sameOriginCallback } from "@/lib/auth/callback-url";
import { signInProblemOf } from "@/lib/auth/schemas/sign-in";

describe("what the sign-in form shows for next-auth's error code", () => {
  it("tells the wait only for a throttled try, and one message for every other refusal", () => {
    expect(signInProblemOf("SignInThrottled:15")).toEqual({ kind: "throttled", minutes: 15 });
    expect(signInProblemOf("CredentialsSignin")).toEqual({ kind: "failed" });
    expect(signInProblemOf("SignInThrottled:abc")).toEqual({ kind: "failed" });
    expect(signInProblemOf("CallbackUrl")).toEqual({ kind: "callbackUrl" });
    expect(signInProblemOf(undefined)).toBeNull();
  });
});

describe("the address to return to after signing in", () => {
  const base = "https://registry.example.ly";

  it("keeps paths and absolute addresses of the registry", () => {
    expect(sameOriginCallback("/en/staff/persons?page=2", base)).toBe(`${base}/en/staff/persons?page=2`);
    expect(sameOriginCallback(`${base}/ar/staff`, base)).toBe(`${base}/ar/staff`);
  });

  it("refuses foreign, scheme-relative, script and malformed addresses", () => {
    for (const value of ["http://evil.example/", "//evil.example/", "/\\evil.example", "javascript:alert(1)", "\uFFFD%A", "http://[", "ar/staff"]) {
      expect(sameOriginCallback(value, base), value).toBeNull();
    }
  });
});
