import "server-only";
import { terms } from "@/lib/dossier/labels";
import { DossierWriter } from "@/lib/dossier/pdf-writer";
import arabic from "@/lib/i18n/messages/ar";
import english from "@/lib/i18n/messages/en";
import type { DocumentContent } from "./document-content";
import { formatVerificationCode } from "./verification-code";

type PdfLabel = Exclude<keyof typeof english.Aftercare.pdf, "bodies">;

function field(writer: DossierWriter, key: PdfLabel, value: string): void {
  writer.field(english.Aftercare.pdf[key], arabic.Aftercare.pdf[key], value);
}

/** The office's letterhead from the administrator's settings: name, address and telephone in both languages. */
function letterhead(writer: DossierWriter, office: DocumentContent["office"]): void {
  writer.title(office.nameEn || english.Aftercare.pdf.office, office.nameAr || arabic.Aftercare.pdf.office);
  if (office.addressEn || office.addressAr) writer.note(office.addressEn, office.addressAr);
  if (office.phone) writer.recordName(office.phone);
  writer.space(4);
}

/**
 * One issued letter as PDF, bilingual, from what was kept at issue: letterhead, number, addressee,
 * the letter's statement, the person and the body, and the verification code at its foot.
 */
export function renderIssuedDocument(content: DocumentContent, verificationCode: string): Promise<Buffer> {
  const title = { en: english.Aftercare.kinds[content.kind], ar: arabic.Aftercare.kinds[content.kind] };
  const writer = new DossierWriter({ title: `${title.en} ${content.number}` });
  letterhead(writer, content.office);
  writer.section(title.en, title.ar);
  field(writer, "number", content.number);
  field(writer, "issuedOn", content.issuedOn);
  field(writer, "addressee", content.addressee);
  writer.space();
  writer.note(english.Aftercare.pdf.bodies[content.kind], arabic.Aftercare.pdf.bodies[content.kind]);
  field(writer, "caseNumber", content.caseNumber);
  field(writer, "name", content.nameArabic);
  if (content.nameLatin) field(writer, "nameLatin", content.nameLatin);
  if (content.birthYear !== null) field(writer, "birthYear", String(content.birthYear));
  field(writer, "remainsCode", content.remainsCode);
  field(writer, "site", `${content.siteEn} · ${content.siteAr}`);
  field(writer, "basis", content.basis.map(terms.basis).join(", "));
  if (content.confirmedOn) field(writer, "confirmedOn", content.confirmedOn);
  if (content.notifiedOn) field(writer, "notifiedOn", content.notifiedOn);
  if (content.handedOverOn) field(writer, "handedOverOn", content.handedOverOn);
  field(writer, "issuedBy", content.issuedBy);
  writer.space(24);
  writer.note(`${english.Aftercare.pdf.signature}: ______________________`, `${arabic.Aftercare.pdf.signature}: ______________________`);
  writer.space(12);
  field(writer, "verificationCode", formatVerificationCode(verificationCode));
  writer.note(english.Aftercare.pdf.verificationNote, arabic.Aftercare.pdf.verificationNote);
  return writer.toBuffer();
}
