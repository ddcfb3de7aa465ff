import "./support/mock-action-request";
import { beforeEach, expect, it } from "vitest";
import { NextRequest } from "next/server";
import { POST as postSignIn } from "@/app/[locale]/family/sign-in/route";
import { POST as postSignOut } from "@/app/[locale]/family/sign-out/route";
import { readFamilySession, signOutFamily } from "@/lib/family-portal/session";
import { FAMILY_SESSION_COOKIE } from "@/lib/family-portal/session-token";
import { actionRequest } from "./support/action-request";
import { describeOnEachBackend, testBackends } from "./support/databases";
import { familyWithCode } from "./support/family-with-code";
import { uniqueIpAddress } from "./support/sign-in-users";
import { createStaffSession } from "./support/staff-users";

const backends = await testBackends();

describeOnEachBackend(backends, "signing out of the family portal", (database) => {
  const db = () => database().db;

  beforeEach(async () => {
    actionRequest.db = db();
    actionRequest.session = await createStaffSession(db(), "registrar");
  });


  /** The session cookie a browser receives on signing in with the right code. */
  async function signedInToken(reference: string, code: string): Promise<string> {
    const request = new Request("http://registry.test/ar/family/sign-in", {
      method: "POST",
      body: new URLSearchParams({ reference, code }),
      headers: { "content-type": "application/x-www-form-urlencoded", "sec-fetch-site": "same-origin", "x-forwarded-for": uniqueIpAddress() },
    });
    const token = (await postSignIn(request, { params: Promise.resolve({ locale: "ar" }) })).cookies.get(FAMILY_SESSION_COOKIE)?.value;
    if (!token) throw new Error("the right code did not sign in");
    return token;
  }

  function signOutRequest(token: string) {
    return new NextRequest("http://registry.test/ar/family/sign-out", {
      method: "POST",
      headers: { "sec-fetch-site": "same-origin", cookie: `${FAMILY_SESSION_COOKIE}=${token}`, "x-forwarded-for": uniqueIpAddress() },
    });
  }

  it("refuses the session's cookie once the family signed out, though its signature and half hour are still good", async () => {
    const { family, code } = await familyWithCode(db());
    const token = await signedInToken(family.reference, code);
    expect(await readFamilySession(db(), token)).toEqual({ familyId: family.id, reference: family.reference });
    await signOutFamily(db(), token, { ip: uniqueIpAddress(), userAgent: "family-sign-out-test" });
    expect(await readFamilySession(db(), token)).toBeNull();
  });

  it("ends the session on the server through the sign-out form, and a replayed cookie shows nothing", async () => {
    const { family, code } = await familyWithCode(db());
    const token = await signedInToken(family.reference, code);
    const response = await postSignOut(signOutRequest(token), { params: Promise.resolve({ locale: "en" }) });
    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toBe("/en/family?signedOut=1");
    expect(response.cookies.get(FAMILY_SESSION_COOKIE)?.value).toBe("");
    expect(await readFamilySession(db(), token)).toBeNull();
  });

  it("ends only the device that signed out: the family's session on another phone stays open", async () => {
    const { family, code } = await familyWithCode(db());
    const [phone, laptop] = [await signedInToken(family.reference, code), await signedInToken(family.reference, code)];
    await postSignOut(signOutRequest(phone), { params: Promise.resolve({ locale: "ar" }) });
    expect(await readFamilySession(db(), phone)).toBeNull();
    expect(await readFamilySession(db(), laptop)).toEqual({ familyId: family.id, reference: family.reference });
  });
});
