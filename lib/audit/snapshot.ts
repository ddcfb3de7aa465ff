import "server-only";
import type { InferSelectModel } from "drizzle-orm";
import type {
  antemortemRecords,
  custodyEvents,
  dnaSamples,
  donorRelationships,
  families,
  graveSites,
  identifications,
  missingPersons,
  personalEffects,
  policeReports,
  postmortemRecords,
  referenceDonors,
  remains,
  users,
} from "@/db/schema";

/** The tables whose rows go into audit before/after snapshots, by the entity name the entries carry. */
interface AuditedTables {
  family: typeof families;
  missing_person: typeof missingPersons;
  police_report: typeof policeReports;
  reference_donor: typeof referenceDonors;
  /** Kept inside the donor's entries (their `relationships`), not as entries of its own. */
  donor_relationship: typeof donorRelationships;
  dna_sample: typeof dnaSamples;
  remains: typeof remains;
  personal_effect: typeof personalEffects;
  grave_site: typeof graveSites;
  custody_event: typeof custodyEvents;
  identification: typeof identifications;
  user: typeof users;
  antemortem_record: typeof antemortemRecords;
  postmortem_record: typeof postmortemRecords;
}

export type AuditedEntity = keyof AuditedTables;
type Row<E extends AuditedEntity> = InferSelectModel<AuditedTables[E]>;

const RECORD_KEEPING = ["version", "createdAt", "updatedAt", "voidedAt", "voidedBy", "voidReason"] as const;

/**
 * The columns an audit snapshot keeps, per table: an allow-list, so a column added later (a secret, a
 * hash, a search copy) stays out of the append-only log until someone decides it belongs there.
 * tests/unit/audit-snapshot.test.ts makes every column of these tables appear here or in
 * UNAUDITED_COLUMNS, so that decision cannot be skipped.
 */
export const AUDITED_COLUMNS = {
  family: ["id", "reference", "contactName", "phone", "area", "accessCodeIssuedAt", "remoteViewing", ...RECORD_KEEPING],
  missing_person: [
    "id", "caseNumber", "familyId", "givenName", "fatherName", "grandfatherName", "familyName", "nameLatin", "nameSearch", "sex",
    "birthYear", "lastSeenOn", "lastSeenOnPrecision", "lastSeenPlace", "circumstances", "status", "mergedIntoId", "importId", "sourceReference",
    "sourceValues", ...RECORD_KEEPING,
  ],
  police_report: [
    "id", "station", "reportNumber", "filedOn", "filedOnPrecision", "reporterName", "reporterRelationship", "category", "narrative", "importId",
    "sourceReference", "sourceValues", ...RECORD_KEEPING,
  ],
  reference_donor: [
    "id", "familyId", "givenName", "fatherName", "grandfatherName", "familyName", "nameLatin", "nameSearch", "sex", "phone", ...RECORD_KEEPING,
  ],
  donor_relationship: ["missingPersonId", "relationship", "side"],
  dna_sample: [
    "id", "barcode", "kind", "donorId", "remainsId", "collectedOn", "collectedByName", "collectedByUserId", "consentGiven", "consentScope",
    "consentDate", "consentFormRef", "consentWithdrawnOn", "consentWithdrawalWording", "consentWithdrawalNote", "consentWithdrawalRecordedBy", "labStatus", "laboratory", "shippedOn", "receivedOn", "profiledOn", "failedOn", "failureReason", ...RECORD_KEEPING,
  ],
  remains: ["id", "siteId", "code", "recoveredOn", "estimatedSex", "ageMin", "ageMax", "condition", "storageLocation", "notes", ...RECORD_KEEPING],
  personal_effect: ["id", "remainsId", "kind", "description", "category", "colour", "material", ...RECORD_KEEPING],
  grave_site: [
    "id", "code", "nameAr", "nameEn", "description", "latitude", "longitude", "discoveredOn", "status", "isPublic", "exactLocationPublic", ...RECORD_KEEPING,
  ],
  custody_event: ["id", "remainsId", "sampleId", "action", "fromParty", "toParty", "place", "occurredAt", "notes", "correctsEventId", "recordedBy", "recordedAt"],
  identification: [
    "id", "remainsId", "missingPersonId", "basis", "likelihoodRatio", "frequencyTableId", "lrBasis", "dnaOverrideReason", "evidenceSummary", "status",
    "proposedBy", "proposedAt", "confirmedBy", "confirmedAt", "notifiedOn", "notifiedBy", "notificationMethod", "returnedOn", "returnedTo",
    "burialPlace", "rejectedBy", "rejectedAt", "rejectionReason", "retractedBy", "retractedAt", "retractionReason", "version", "createdAt", "updatedAt",
  ],
  user: ["username", "displayName", "locale", "role", "disabled", "mustChangePassword"],
  antemortem_record: [
    "id", "missingPersonId", "ageAtDisappearance", "heightMinCm", "heightMaxCm", "build", "hair", "eyeColour", "marks", "teeth", "dentalNotes",
    "medical", "belongings", "notes", "informantDonorId", "informantName", "informedOn", "version", "createdAt", "updatedAt",
  ],
  postmortem_record: [
    "id", "remainsId", "statureMinCm", "statureMaxCm", "marks", "teeth", "dentalNotes", "medical", "belongings", "notes", "version", "createdAt", "updatedAt",
  ],
} as const satisfies { [E in AuditedEntity]: readonly (keyof Row<E>)[] };

/** Columns no snapshot keeps, each with the reason: read only by the completeness test, never to filter. */
export const UNAUDITED_COLUMNS = {
  family: { accessCodeHash: "the portal code's hash: a secret" },
  missing_person: {
    partKeys: "phonetic keys of the name parts, generated by the database from the parts kept above",
    partForms: "the name parts as the search compares them, generated by the database from the parts kept above",
    partKeyPairs: "pairs of the phonetic keys, generated by the database from the parts kept above",
  },
  police_report: {
    reporterNameSearch: "a normalised copy of reporterName for search",
    reportKey: "the station and number as compared, generated by the database from the columns kept above",
  },
  donor_relationship: {
    id: "a relation is named by the donor (the entry's entityId) and the missing person",
    donorId: "the entry's entityId already names the donor",
    version: "optimistic-locking bookkeeping; the donor's own version is kept",
    createdAt: "the donor.create or donor.update entry's own time",
    updatedAt: "the donor.update entry's own time",
  },
  personal_effect: { descriptionSearch: "a normalised copy of description for search" },
  user: {
    id: "the entry's entityId already names the account",
    passwordHash: "a secret",
    tokenVersion: "session bookkeeping, bumped on every sign-out-everywhere",
    totpPendingSecret: "a secret",
    totpSecret: "a secret",
    totpEnabledAt: "audited as its own event (user.enableSecondFactor / resetSecondFactor)",
    totpLastStep: "replay bookkeeping, changes at every sign-in",
    version: "optimistic-locking bookkeeping",
    createdAt: "the user.create entry's own time",
    updatedAt: "the entry's own time",
  },
} as const satisfies { [E in AuditedEntity]?: { [column in keyof Row<E>]?: string } };

type AuditedColumn<E extends AuditedEntity> = (typeof AUDITED_COLUMNS)[E][number];

/**
 * A row as the audit log keeps it: only the allowed columns that the row has. Whatever else the row
 * carries (a column added to the table, a joined field) is left out, never copied by default.
 */
export function auditSnapshot<E extends AuditedEntity, R extends object>(entity: E, row: R): Pick<R, AuditedColumn<E> & keyof R> {
  const kept: Record<string, unknown> = {};
  for (const column of AUDITED_COLUMNS[entity] as readonly string[]) {
    if (column in row) kept[column] = (row as Record<string, unknown>)[column];
  }
  return kept as Pick<R, AuditedColumn<E> & keyof R>;
}
