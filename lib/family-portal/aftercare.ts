import "server-only";
import { and, asc, eq, inArray } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { identifications, issuedDocuments, remainsHandovers } from "@/db/schema";
import type { DocumentKind } from "@/lib/aftercare/aftercare-values";
import { todayInLibya } from "@/lib/forensic/dates";

/** What a family may know of the steps after they were told in person: dates and letter titles, never content. */
export interface FamilyAftercare {
  handedOverOn: string | null;
  documents: { kind: DocumentKind; issuedOn: string }[];
}

const INFORMED = ["family_notified", "remains_returned"] as const;

/** For each missing person told of in person: the handover date and the letters issued (kind and date only). */
export async function familyAftercare(db: Executor, personIds: string[]): Promise<Map<string, FamilyAftercare>> {
  const informed = and(inArray(identifications.missingPersonId, personIds), inArray(identifications.status, [...INFORMED]));
  const [handovers, documents] = await Promise.all([
    db.select({ personId: identifications.missingPersonId, handedOverAt: remainsHandovers.handedOverAt }).from(remainsHandovers).innerJoin(identifications, eq(identifications.id, remainsHandovers.identificationId)).where(informed),
    db
      .select({ personId: identifications.missingPersonId, kind: issuedDocuments.kind, issuedAt: issuedDocuments.issuedAt })
      .from(issuedDocuments)
      .innerJoin(identifications, eq(identifications.id, issuedDocuments.identificationId))
      .where(informed)
      .orderBy(asc(issuedDocuments.issuedAt)),
  ]);
  const byPerson = new Map<string, FamilyAftercare>();
  const entry = (personId: string): FamilyAftercare => {
    const known = byPerson.get(personId);
    if (known) return known;
    const created: FamilyAftercare = { handedOverOn: null, documents: [] };
    byPerson.set(personId, created);
    return created;
  };
  for (const handover of handovers) entry(handover.personId).handedOverOn = todayInLibya(handover.handedOverAt);
  for (const document of documents) entry(document.personId).documents.push({ kind: document.kind as DocumentKind, issuedOn: todayInLibya(document.issuedAt) });
  return byPerson;
}
