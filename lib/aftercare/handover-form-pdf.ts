import "server-only";
import { terms } from "@/lib/dossier/labels";
import { DossierWriter } from "@/lib/dossier/pdf-writer";
import { dateToLibyanLocalTime } from "@/lib/forensic/dates";
import arabic from "@/lib/i18n/messages/ar";
import english from "@/lib/i18n/messages/en";
import type { OfficeContactValues } from "@/lib/settings/office-contact-values";
import type { HandoverDisposition } from "./aftercare-values";
import type { RemainsHandoverRecord } from "./handover";

type Messages = typeof english.Aftercare;
type Label = { [Key in keyof Messages]: Messages[Key] extends string ? Key : never }[keyof Messages];

const pair = (key: Label) => ({ en: english.Aftercare[key], ar: arabic.Aftercare[key] });

export interface HandoverFormFacts {
  handover: RemainsHandoverRecord;
  caseNumber: string;
  personName: string;
  remainsCode: string;
  office: OfficeContactValues;
}

/** The handover form both sides sign: who, when, where, each effect's fate, and two signature lines. */
export function renderHandoverForm({ handover, caseNumber, personName, remainsCode, office }: HandoverFormFacts): Promise<Buffer> {
  const title = pair("handoverFormTitle");
  const writer = new DossierWriter({ title: `${title.en} ${caseNumber}` });
  writer.title(office.nameEn || english.Aftercare.pdf.office, office.nameAr || arabic.Aftercare.pdf.office);
  if (office.addressEn || office.addressAr) writer.note(office.addressEn, office.addressAr);
  writer.section(title.en, title.ar);
  writer.field(english.Aftercare.pdf.caseNumber, arabic.Aftercare.pdf.caseNumber, caseNumber);
  writer.field(english.Aftercare.pdf.name, arabic.Aftercare.pdf.name, personName);
  writer.field(english.Aftercare.pdf.remainsCode, arabic.Aftercare.pdf.remainsCode, remainsCode);
  const field = (key: Label, value: string) => writer.field(pair(key).en, pair(key).ar, value);
  field("handoverAt", dateToLibyanLocalTime(handover.handedOverAt).replace("T", " "));
  field("handoverPlace", handover.place);
  field("receivedBy", handover.receivedBy);
  field("receivedByRelationship", handover.receivedByRelationship);
  field("staffMember", handover.staffMember);
  if (handover.notes) field("handoverNotes", handover.notes);
  writer.section(pair("items").en, pair("items").ar);
  if (handover.items.length === 0) writer.note(pair("itemsNone").en, pair("itemsNone").ar);
  else
    writer.table(
      [
        { ...pair("itemKind"), width: 2 },
        { ...pair("itemDescription"), width: 4 },
        { ...pair("itemFate"), width: 3 },
      ],
      handover.items.map((item) => {
        const disposition = item.disposition as HandoverDisposition;
        return [terms.effectKind(item.kind), item.description, `${english.Aftercare.dispositions[disposition]} · ${arabic.Aftercare.dispositions[disposition]}`];
      }),
    );
  for (const key of ["signatureRelative", "signatureStaff"] as const) {
    writer.section(pair(key).en, pair(key).ar);
    writer.space(18);
    writer.note(english.Aftercare.signatureLine, arabic.Aftercare.signatureLine);
  }
  return writer.toBuffer();
}
