import { z } from "zod";
import { officeContactSchema } from "@/lib/settings/office-contact-values";
import { DOCUMENT_KINDS } from "./aftercare-values";

/**
 * What an issued letter printed, kept with it (issued_documents.content): the PDF is drawn again
 * from this, never from the records as they are later, so a reprint says what the original said.
 */
export const documentContentSchema = z.object({
  kind: z.enum(DOCUMENT_KINDS),
  number: z.string(),
  issuedOn: z.string(),
  issuedBy: z.string(),
  addressee: z.string(),
  caseNumber: z.string(),
  nameArabic: z.string(),
  nameLatin: z.string(),
  sex: z.string(),
  birthYear: z.number().nullable(),
  remainsCode: z.string(),
  siteAr: z.string(),
  siteEn: z.string(),
  basis: z.array(z.string()),
  confirmedOn: z.string().nullable(),
  notifiedOn: z.string().nullable(),
  handedOverOn: z.string().nullable(),
  office: officeContactSchema,
});

export type DocumentContent = z.infer<typeof documentContentSchema>;
