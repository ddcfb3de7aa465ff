import "./support/mock-action-request";
import { beforeAll, beforeEach, expect, it } from "vitest";
import { addReferenceDonor, createFamily } from "@/app/[locale]/staff/families/actions";
import { createMissingPerson } from "@/app/[locale]/staff/persons/actions";
import { POST as searchPersons } from "@/app/api/staff/persons/search/route";
import type { Role } from "@/lib/auth/permissions";
import { getFamilyDetails, listFamilies } from "@/lib/people/family-queries";
import { actionRequest, signInAs } from "./support/action-request";
import { describeOnEachBackend, testBackends } from "./support/databases";
import { createUser as createUserRow } from "./support/factories";
import { familyInput, missingPersonInput, unwrap } from "./support/people";
import { createStaffSession } from "./support/staff-users";
import { readAs } from "./support/read-access";


const backends = await testBackends();
const PHONE = "+218 92 444 0199";
const DONOR_PHONE = "+218 94 333 0177";
const AREA = "المنطقة الجنوبية";

describeOnEachBackend(backends, "who sees contact details", (database) => {
  const db = () => database().db;
  let familyId = "";
  let reference = "";

  beforeAll(async () => {
    actionRequest.db = db();
    signInAs(await createUserRow(db(), "registrar"));
    const family = familyInput({ phone: PHONE, area: AREA });
    reference = family.reference;
    familyId = unwrap(await createFamily(family)).familyId;
    const { missingPersonId } = unwrap(await createMissingPerson(missingPersonInput({ familyId })));
    unwrap(
      await addReferenceDonor({
        familyId, givenName: "خديجة", fatherName: "", grandfatherName: "", familyName: "", nameLatin: "", sex: "female", phone: DONOR_PHONE,
        relationships: [{ missingPersonId, relationship: "mother" }],
      }),
    );
  });

  beforeEach(() => {
    actionRequest.db = db();
  });

  it.each<Role>(["admin", "registrar", "forensic"])("shows a %s the family's phone, area and the donor's phone", async (role) => {
    const family = await getFamilyDetails(readAs(role, "people.read"), db(), familyId);
    expect(family).toMatchObject({ phone: PHONE, area: AREA, donors: [{ phone: DONOR_PHONE }] });
    const listed = (await listFamilies(db(), role, 1000)).find((row) => row.reference === reference);
    expect(listed).toMatchObject({ phone: PHONE, area: AREA });
  });

  it("gives a viewer no phone number or address at all, not even hidden", async () => {
    const family = await getFamilyDetails(readAs("viewer", "people.read"), db(), familyId);
    expect(family).toMatchObject({ phone: null, area: null, donors: [{ phone: null }] });
    const listed = await listFamilies(db(), "viewer", 1000);
    const serialised = JSON.stringify([family, listed]);
    expect(serialised).not.toContain(PHONE);
    expect(serialised).not.toContain(DONOR_PHONE);
    expect(serialised).not.toContain(AREA);
  });

  it("answers the person search 401 signed out, 403 before a password change, results for a viewer", async () => {
    const request = () =>
      searchPersons(new Request("http://localhost/api/staff/persons/search", { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ q: reference }) }));
    actionRequest.session = null;
    expect((await request()).status).toBe(401);
    actionRequest.session = await createStaffSession(db(), "viewer", { mustChangePassword: true });
    expect((await request()).status).toBe(403);
    actionRequest.session = await createStaffSession(db(), "viewer");
    const response = await request();
    expect(response.status).toBe(200);
    const body = (await response.json()) as { results: { familyReference: string }[] };
    expect(body.results[0]?.familyReference).toBe(reference);
    expect(JSON.stringify(body)).not.toContain(PHONE);
  });
});
