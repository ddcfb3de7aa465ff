import type { OfficeContactValues } from "@/lib/settings/office-contact-values";

/** Invented contact details, marked as such, so that the portal, slip and receipt show where they go. */
export const DEMO_OFFICE_CONTACT: OfficeContactValues = {
  nameAr: "مكتب سجل المفقودين – ترهونة (بيانات تجريبية)",
  nameEn: "Tarhuna missing persons registry office (demo data)",
  addressAr: "شارع توضيحي، وسط ترهونة (عنوان تجريبي، ليس حقيقياً)",
  addressEn: "Illustrative street, Tarhuna centre (demo address, not real)",
  phone: "+218 00 000 0000",
  hoursAr: "من الأحد إلى الخميس، من 9:00 إلى 14:00",
  hoursEn: "Sunday to Thursday, 9:00 to 14:00",
  messageAr: "هذه بيانات تواصل تجريبية للعرض فقط؛ لا تتصلوا بهذا الرقم.",
  messageEn: "These contact details are invented for the demonstration; do not call this number.",
  version: 1,
};
