import { SOURCE_VALUE_FIELDS } from "@/lib/import/source-value-fields";
import { AUDITED_COLUMNS } from "./snapshot";

/**
 * Every key an audit entry's before or after can carry, at any depth, beside the snapshot columns
 * (AUDITED_COLUMNS): the ad-hoc objects the writers pass, and what they spread into them. Each has
 * a label in Audit.fields in both languages (tests/unit/audit-entry-keys.test.ts), and that test
 * also reads the code for keys written literally into entries, so a new one cannot go unlabelled.
 */
const AD_HOC_AUDIT_KEYS = [
  // Written literally where entries are made (the test finds these in the code).
  "accessCodeIssuedAt", "action", "answer", "activeTable", "address", "addressee", "alleles", "approvedBy", "barcode", "byteSize", "bytes", "calls",
  "caseNumber", "checkpoint", "columns", "consents", "contactDetails", "count", "custodyEventId", "decidedAt", "decidedBy", "deleted",
  "description", "document", "documentId", "doneNote", "doneOn", "dueOn", "effectId", "effects", "followUpId", "encoding", "entity", "entityId", "entries",
  "entryId", "familyId", "familyReference", "field", "fileName", "filters", "format", "frequencyTable", "fromLabels", "givenBy", "givenOn",
  "handedOverAt", "handoverId", "hash", "header", "height", "id", "ids", "importId", "input", "items", "keptAccounts", "keptDays", "kind",
  "label", "level", "loadedBy", "loci", "lockedUntil", "locks", "meetingId", "merged", "message", "minFrequency", "mismatchesAcknowledged",
  "missingPersonId", "missingPersonIds", "missingPersons", "mode", "moved", "name", "note", "number", "onlineReportId", "permission",
  "personStatus", "placementWarnings", "reason", "receivedSha256", "recentFailures", "records", "reference", "rejectedAsSpamAt",
  "relationships", "remainsCode", "remainsId", "remoteViewing", "removed", "removedAccounts", "replacedChainHead", "reporterNameSearch",
  "retyped", "retypingReason", "role", "rows", "rowsRefused", "samples", "scanContentType", "scanSha256", "secondFactor", "sessionEnded",
  "sha256", "signInWaitsLifted", "signedAt", "source", "status", "statusChangeReason", "subject", "survivor", "unchanged", "userId",
  "verificationCode", "version", "voidedPersons", "voidedReports", "waitUntil", "waitingAddresses", "width", "withdrawnOn", "wordingVersion",
  // Spread in from a form's values or a helper's result (lib/belongings, lib/aftercare, lib/identifications/meetings.ts, lib/field).
  "recognisedBy", "words", "viewingSessionId", "place", "receivedBy", "receivedByRelationship", "staffMember", "notes", "disposition",
  "heldOn", "staffPresent", "familyPresent", "interpreter", "supportOffered", "supportAccepted", "explanation", "familyQuestions",
  "followUps", "remainsWishes", "itemId", "capturedAt", "fieldCapture", "deviceId", "syncedAt", "positionAccuracyMetres", "siteId",
  "siteCode", "firstNumber", "lastNumber", "category", "colour", "material",
  // An import's counts (lib/import/classify.ts), a pedigree's snapshot (lib/pedigrees/pedigree-edits.ts).
  "new", "alreadyPresent", "invalid", "conflicts", "replaced", "peopleCreated", "peopleLinked", "reportsLinked", "persons", "donorId", "sex",
  "fatherId", "motherId", "relationship", "side",
  // The audit viewer's filters (lib/audit/filters.ts), kept with an export of the log.
  "actor", "from", "to",
  // A second-person request's input (lib/approvals/subjects.ts and the steps' schemas).
  "recordId", "survivorId", "mergedId", "identificationId", "sampleId",
  // The demo's counts by table (lib/demo/types.ts, lib/demo/holdings.ts).
  "users", "graveSites", "remains", "personalEffects", "families", "referenceDonors", "donorRelationships", "dnaSamples",
  "alleleFrequencyTables", "alleleFrequencies", "strProfiles", "policeReports", "policeReportPersons", "identifications", "custodyEvents",
  "antemortemRecords", "postmortemRecords",
] as const;

export const AUDIT_ENTRY_KEYS: readonly string[] = [
  ...new Set<string>([...Object.values(AUDITED_COLUMNS).flat(), ...SOURCE_VALUE_FIELDS, ...AD_HOC_AUDIT_KEYS]),
].sort();
