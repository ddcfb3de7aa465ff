import "./support/mock-action-request";
import { beforeEach, expect, it } from "vitest";
import { updateOfficeContact } from "@/app/[locale]/staff/settings/actions";
import type { Role } from "@/lib/auth/permissions";
import { familyPortalUrl, qrCodeDataUrl } from "@/lib/family-portal/portal-address";
import { getOfficeContact } from "@/lib/settings/office-contact";
import { officeContactIn } from "@/lib/settings/office-contact-values";
import { actionRequest, auditEntriesFor } from "./support/action-request";
import { describeOnEachBackend, testBackends } from "./support/databases";
import { createStaffSession } from "./support/staff-users";

const backends = await testBackends();

const CONTACT = {
  nameAr: "مكتب سجل المفقودين",
  nameEn: "Missing persons registry office",
  addressAr: "شارع الجمهورية، ترهونة",
  addressEn: "Al-Jumhuriya street, Tarhuna",
  phone: "+218 21 555 0100",
  hoursAr: "الأحد إلى الخميس، 9:00–14:00",
  hoursEn: "Sunday to Thursday, 9:00–14:00",
  messageAr: "نستقبلكم دون موعد.",
  messageEn: "No appointment needed.",
};

describeOnEachBackend(backends, "the office's contact details", (database) => {
  const db = () => database().db;
  const signInAs = async (role: Role) => {
    actionRequest.session = await createStaffSession(db(), role);
  };

  beforeEach(() => {
    actionRequest.db = db();
    actionRequest.session = null;
  });

  it.each<Role>(["registrar", "forensic", "viewer"])("refuses %s, keeping the details as they were", async (role) => {
    const before = await getOfficeContact(db());
    await signInAs(role);
    expect(await updateOfficeContact({ ...CONTACT, version: before.version })).toMatchObject({ ok: false, error: "forbidden" });
    expect(await getOfficeContact(db())).toEqual(before);
  });

  it("lets an administrator save them in both languages, audited, and refuses a save over a newer version", async () => {
    const before = await getOfficeContact(db());
    await signInAs("admin");
    expect(await updateOfficeContact({ ...CONTACT, version: before.version })).toEqual({ ok: true, data: { version: before.version + 1 } });
    const saved = await getOfficeContact(db());
    expect(saved).toEqual({ ...CONTACT, version: before.version + 1 });
    expect(officeContactIn(saved, "en")).toMatchObject({ name: CONTACT.nameEn, address: CONTACT.addressEn, phone: CONTACT.phone, hours: CONTACT.hoursEn });
    expect(officeContactIn(saved, "ar")).toMatchObject({ name: CONTACT.nameAr, message: CONTACT.messageAr });
    const entries = await auditEntriesFor(db(), "system_setting", "office_contact");
    expect(entries.at(-1)).toMatchObject({ action: "settings.officeContact.update", after: { phone: CONTACT.phone } });

    const stale = await updateOfficeContact({ ...CONTACT, phone: "+218 21 555 0199", version: before.version });
    expect(stale).toMatchObject({ ok: false, error: "conflict" });
    expect((await getOfficeContact(db())).phone).toBe(CONTACT.phone);
  });

  it("refuses a phone number with letters as a field error", async () => {
    await signInAs("admin");
    const { version } = await getOfficeContact(db());
    expect(await updateOfficeContact({ ...CONTACT, phone: "call us", version })).toMatchObject({ ok: false, error: "invalid", fieldErrors: { phone: "Settings.phoneFormat" } });
  });
});

it("prints the portal's full address from PUBLIC_URL, else NEXTAUTH_URL, and draws it as a QR code", async () => {
  expect(familyPortalUrl("ar", { PUBLIC_URL: "https://registry.example.ly/", NEXTAUTH_URL: "http://localhost:3000" })).toBe("https://registry.example.ly/ar/family");
  expect(familyPortalUrl("en", { NEXTAUTH_URL: "https://example.org/tarhuna" })).toBe("https://example.org/tarhuna/en/family");
  expect(familyPortalUrl("ar", {})).toBeNull();
  expect(familyPortalUrl("ar", { PUBLIC_URL: "javascript:alert(1)" })).toBeNull();
  const qr = await qrCodeDataUrl("https://registry.example.ly/ar/family");
  expect(Buffer.from(qr.replace("data:image/svg+xml;base64,", ""), "base64").toString()).toMatch(/^<svg[^>]*>.*<path/s);
});
