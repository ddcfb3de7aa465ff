import "server-only";
import { desc, eq, sql } from "drizzle-orm";
import { selectRows, type Executor, type Transaction } from "@/db/client";
import { graveSites, issuedDocuments, missingPersons, remains, remainsHandovers, users } from "@/db/schema";
import type { ActionContext } from "@/lib/actions/define-action";
import { defineRead } from "@/lib/auth/read-access";
import { IDENTIFICATION_ENTITY } from "@/lib/identifications/propose";
import { todayInLibya } from "@/lib/forensic/dates";
import { getOfficeContact } from "@/lib/settings/office-contact";
import { lockInformedIdentification } from "./after-notification";
import type { DocumentKind, IssueDocumentValues } from "./aftercare-values";
import { documentContentSchema, type DocumentContent } from "./document-content";
import { newVerificationCode } from "./verification-code";

/** TRH-DOC-2026-00042: the office's running number, with the year of issue for the reader. */
async function nextDocumentNumber(tx: Transaction, issuedOn: string): Promise<string> {
  const [row] = await selectRows<{ value: string }>(tx, sql`select nextval('issued_document_number_seq')::text as value`);
  if (!row) throw new Error("the document number sequence gave nothing");
  return `TRH-DOC-${issuedOn.slice(0, 4)}-${row.value.padStart(5, "0")}`;
}

/** Everything the letter prints, read once at issue and kept with it. */
async function documentContent(tx: Transaction, identification: { id: string; remainsId: string; missingPersonId: string; basis: readonly string[]; confirmedAt: Date | null; notifiedOn: string | null }, input: IssueDocumentValues, number: string, issuedOn: string, issuedBy: string): Promise<DocumentContent> {
  const [person] = await tx.select().from(missingPersons).where(eq(missingPersons.id, identification.missingPersonId));
  const [body] = await tx.select({ code: remains.code, siteNameAr: graveSites.nameAr, siteNameEn: graveSites.nameEn }).from(remains).innerJoin(graveSites, eq(graveSites.id, remains.siteId)).where(eq(remains.id, identification.remainsId));
  const [handover] = await tx.select({ handedOverAt: remainsHandovers.handedOverAt }).from(remainsHandovers).where(eq(remainsHandovers.identificationId, identification.id));
  if (!person || !body) throw new Error("the identification's person or body is missing");
  return documentContentSchema.parse({
    kind: input.kind,
    number,
    issuedOn,
    issuedBy,
    addressee: input.addressee,
    caseNumber: person.caseNumber,
    nameArabic: [person.givenName, person.fatherName, person.grandfatherName, person.familyName].filter(Boolean).join(" "),
    nameLatin: person.nameLatin,
    sex: person.sex,
    birthYear: person.birthYear,
    remainsCode: body.code,
    siteAr: body.siteNameAr,
    siteEn: body.siteNameEn,
    basis: identification.basis,
    confirmedOn: identification.confirmedAt ? todayInLibya(identification.confirmedAt) : null,
    notifiedOn: identification.notifiedOn,
    handedOverOn: handover ? todayInLibya(handover.handedOverAt) : null,
    office: await getOfficeContact(tx),
  });
}

/** Issues a numbered letter with a fresh verification code; what it prints is kept and audited. */
export async function issueDocumentRecord({ input, session, tx, audit }: ActionContext<IssueDocumentValues>): Promise<{ documentId: string; number: string }> {
  const identification = await lockInformedIdentification(tx, input.identificationId, "Aftercare.documentBeforeNotification");
  const issuedOn = todayInLibya();
  const number = await nextDocumentNumber(tx, issuedOn);
  const verificationCode = newVerificationCode();
  const content = await documentContent(tx, identification, input, number, issuedOn, session.displayName);
  const [saved] = await tx.insert(issuedDocuments).values({ identificationId: identification.id, kind: input.kind, number, verificationCode, content, issuedBy: session.userId }).returning({ id: issuedDocuments.id });
  if (!saved) throw new Error("the document was not saved");
  await audit({ action: "identification.documentIssued", entity: IDENTIFICATION_ENTITY, entityId: identification.id, after: { documentId: saved.id, kind: input.kind, number, verificationCode, addressee: input.addressee } });
  return { documentId: saved.id, number };
}

const documentColumns = {
  id: issuedDocuments.id,
  identificationId: issuedDocuments.identificationId,
  kind: issuedDocuments.kind,
  number: issuedDocuments.number,
  verificationCode: issuedDocuments.verificationCode,
  content: issuedDocuments.content,
  issuedAt: issuedDocuments.issuedAt,
  issuedByName: users.displayName,
};

async function selectDocuments(db: Executor, where: ReturnType<typeof eq>) {
  const rows = await db.select(documentColumns).from(issuedDocuments).innerJoin(users, eq(users.id, issuedDocuments.issuedBy)).where(where).orderBy(desc(issuedDocuments.issuedAt));
  return rows.map((row) => ({ ...row, kind: row.kind as DocumentKind, content: documentContentSchema.parse(row.content) }));
}

export type IssuedDocument = Awaited<ReturnType<typeof selectDocuments>>[number];

/** The letters issued about one identification, newest first. */
export const listIssuedDocuments = defineRead("people.read", (db: Executor, identificationId: string) => selectDocuments(db, eq(issuedDocuments.identificationId, identificationId)));

/** One issued letter by its id, for its PDF. */
export const getIssuedDocument = defineRead("personalData.export", async (db: Executor, documentId: string) => (await selectDocuments(db, eq(issuedDocuments.id, documentId)))[0] ?? null);

/** What a verification code was issued for (the code as normalised by verificationCodeSchema), or null. */
export const findDocumentByVerificationCode = defineRead("people.read", async (db: Executor, code: string) => (await selectDocuments(db, eq(issuedDocuments.verificationCode, code)))[0] ?? null);
