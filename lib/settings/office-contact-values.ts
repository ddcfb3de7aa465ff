import { z } from "zod";

/**
 * The registry office's contact details, kept by an administrator and shown to families (portal,
 * wrong-code and locked messages, access-code slip, sample receipt). Shared by the form and the
 * action, so it imports nothing from the database.
 */
const text = (maximum: number) => z.string().trim().max(maximum, { error: "tooLong" });

export const officeContactSchema = z.object({
  nameAr: text(200),
  nameEn: text(200),
  addressAr: text(500),
  addressEn: text(500),
  phone: z.string().trim().regex(/^[+0-9٠-٩() -]{0,40}$/, { error: "Settings.phoneFormat" }),
  hoursAr: text(300),
  hoursEn: text(300),
  messageAr: text(1000),
  messageEn: text(1000),
  /** The version the form was loaded with: saving over a newer one is refused. */
  version: z.int32().nonnegative(),
});

export type OfficeContactValues = z.infer<typeof officeContactSchema>;

/** What a family reads, in one language; empty fields are left out. */
export interface OfficeContactLines {
  name: string;
  address: string;
  phone: string;
  hours: string;
  message: string;
}

export const NO_OFFICE_CONTACT: OfficeContactValues = {
  nameAr: "",
  nameEn: "",
  addressAr: "",
  addressEn: "",
  phone: "",
  hoursAr: "",
  hoursEn: "",
  messageAr: "",
  messageEn: "",
  version: 0,
};

/** The details in one language; the other language's text stands in for a field left empty. */
export function officeContactIn(contact: OfficeContactValues, locale: string): OfficeContactLines | null {
  const pick = (arabic: string, english: string) => (locale === "en" ? english || arabic : arabic || english);
  const lines = {
    name: pick(contact.nameAr, contact.nameEn),
    address: pick(contact.addressAr, contact.addressEn),
    phone: contact.phone,
    hours: pick(contact.hoursAr, contact.hoursEn),
    message: pick(contact.messageAr, contact.messageEn),
  };
  return Object.values(lines).some((value) => value !== "") ? lines : null;
}
