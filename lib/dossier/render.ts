import type { CaseFile } from "./case-file";
import type { RecordHash } from "./audit-hashes";
import { formatLikelihoodRatio } from "@/lib/identifications/likelihood-ratio";
import { dnaEvidenceLines } from "./dna-evidence";
import { label, subjectLabel, terms, type DossierLabel } from "./labels";
import { DossierWriter } from "./pdf-writer";

export interface DossierMeta {
  generatedAt: Date;
  generatedBy: string;
  chainHead: { entryId: number; hash: string };
}

type Field = Exclude<DossierLabel, "subjects">;

const timestamp = (value: Date | null) => (value ? `${value.toISOString().slice(0, 16).replace("T", " ")} UTC` : "");
const joined = (...parts: (string | number | null | undefined)[]) => parts.filter((part) => part !== null && part !== undefined && part !== "").join(" · ");

function field(writer: DossierWriter, key: Field, value: string): void {
  const { en, ar } = label(key);
  writer.field(en, ar, value);
}

function section(writer: DossierWriter, key: Field, empty: boolean): void {
  const { en, ar } = label(key);
  writer.section(en, ar);
  if (empty) writer.note(label("none").en, label("none").ar);
}

function persons(writer: DossierWriter, caseFile: CaseFile): void {
  section(writer, "personsSection", caseFile.persons.length === 0);
  for (const person of caseFile.persons) {
    field(writer, "caseNumber", person.caseNumber);
    field(writer, "name", joined(person.givenName, person.fatherName, person.grandfatherName, person.familyName).replaceAll(" · ", " "));
    field(writer, "nameLatin", person.nameLatin);
    field(writer, "sex", terms.sex(person.sex));
    field(writer, "birthYear", person.birthYear === null ? "" : String(person.birthYear));
    field(writer, "lastSeen", joined(person.lastSeenOn, person.lastSeenPlace));
    field(writer, "circumstances", person.circumstances);
    field(writer, "status", terms.personStatus(person.status));
    field(writer, "family", joined(person.familyReference, person.familyContact));
    writer.space();
  }
}

function reports(writer: DossierWriter, caseFile: CaseFile): void {
  section(writer, "reportsSection", caseFile.reports.length === 0);
  for (const report of caseFile.reports) {
    field(writer, "report", joined(report.reportNumber, report.station));
    field(writer, "filedOn", report.filedOn);
    field(writer, "reporter", joined(report.reporterName, report.reporterRelationship));
    field(writer, "category", terms.category(report.category));
    field(writer, "narrative", report.narrative);
    writer.space();
  }
}

function bodies(writer: DossierWriter, caseFile: CaseFile): void {
  section(writer, "remainsSection", caseFile.remains.length === 0);
  for (const body of caseFile.remains) {
    field(writer, "code", body.code);
    field(writer, "site", joined(body.siteCode, body.siteNameEn, body.siteNameAr));
    field(writer, "recoveredOn", body.recoveredOn);
    field(writer, "estimatedSex", terms.sex(body.estimatedSex));
    field(writer, "age", body.ageMin === null && body.ageMax === null ? "" : `${body.ageMin ?? "?"}–${body.ageMax ?? "?"}`);
    field(writer, "condition", terms.condition(body.condition));
    field(writer, "storage", body.storageLocation);
    field(writer, "notes", body.notes);
    writer.space();
  }
  section(writer, "effectsSection", caseFile.effects.length === 0);
  for (const effect of caseFile.effects) field(writer, "effect", joined(terms.effectKind(effect.kind), effect.description));
}

function custodyAndSamples(writer: DossierWriter, caseFile: CaseFile): void {
  const user = (id: string | null) => (id ? (caseFile.userNames.get(id) ?? label("unknownUser").en) : "");
  section(writer, "custodySection", caseFile.custody.length === 0);
  for (const event of caseFile.custody) {
    field(writer, "custodyEvent", joined(timestamp(event.occurredAt), terms.custodyAction(event.action), event.fromParty && `${event.fromParty} »`, event.toParty, event.place, user(event.recordedBy), event.notes));
  }
  section(writer, "samplesSection", caseFile.samples.length === 0);
  for (const sample of caseFile.samples) {
    field(writer, "sample", joined(sample.barcode, sample.kind, sample.collectedOn, sample.collectedByName));
    field(writer, "labStatus", joined(terms.labStatus(sample.labStatus), sample.laboratory, sample.profiledOn ?? sample.receivedOn ?? sample.shippedOn, sample.failureReason));
  }
}

function identificationHistory(writer: DossierWriter, caseFile: CaseFile): void {
  const user = (id: string | null) => (id ? (caseFile.userNames.get(id) ?? label("unknownUser").en) : "");
  const step = (key: Field, when: string, who: string | null, detail?: string | null) => {
    if (when !== "") field(writer, key, joined(when, who === null ? null : user(who), detail));
  };
  section(writer, "identificationsSection", caseFile.identifications.length === 0);
  const codes = new Map(caseFile.remains.map((body) => [body.id, body.code]));
  const cases = new Map(caseFile.persons.map((person) => [person.id, person.caseNumber]));
  for (const item of caseFile.identifications) {
    field(writer, "identification", joined(codes.get(item.remainsId), cases.get(item.missingPersonId), terms.identificationStatus(item.status)));
    field(writer, "basis", joined(...item.basis.map(terms.basis), item.likelihoodRatio === null ? null : `LR ${formatLikelihoodRatio(item.likelihoodRatio, { superscript: false })}`));
    for (const line of dnaEvidenceLines(item, caseFile.frequencyTables)) field(writer, line.key, line.value);
    field(writer, "evidence", item.evidenceSummary);
    step("proposed", timestamp(item.proposedAt), item.proposedBy);
    step("confirmed", timestamp(item.confirmedAt), item.confirmedBy);
    step("notified", item.notifiedOn ?? "", item.notifiedBy, item.notificationMethod);
    step("returned", item.returnedOn ?? "", null, joined(item.returnedTo, item.burialPlace));
    step("rejected", timestamp(item.rejectedAt), item.rejectedBy, item.rejectionReason);
    step("retracted", timestamp(item.retractedAt), item.retractedBy, item.retractionReason);
    writer.space();
  }
}

function auditHashes(writer: DossierWriter, hashes: readonly RecordHash[], meta: DossierMeta): void {
  section(writer, "auditSection", false);
  writer.note(label("verifyNote").en, label("verifyNote").ar);
  for (const record of hashes) {
    writer.recordName(`${record.entity} · ${record.label}`);
    if (record.hash === null) writer.recordName(`${label("noAuditEntry").en} · ${label("noAuditEntry").ar}`);
    else writer.code(`#${record.entryId} ${record.hash}`);
  }
  writer.space();
  writer.note(label("chainHead").en, label("chainHead").ar);
  writer.code(`#${meta.chainHead.entryId} ${meta.chainHead.hash}`);
}

/** The prosecution dossier as PDF bytes: every section in English and Arabic, hashes to verify. */
export function renderDossier(caseFile: CaseFile, hashes: readonly RecordHash[], meta: DossierMeta): Promise<Buffer> {
  const title = label("title");
  const writer = new DossierWriter({ title: title.en });
  writer.title(title.en, title.ar);
  const subject = subjectLabel(caseFile.subject);
  field(writer, "subject", `${subject.en} · ${subject.ar}`);
  field(writer, "generatedAt", timestamp(meta.generatedAt));
  field(writer, "generatedBy", meta.generatedBy);
  persons(writer, caseFile);
  reports(writer, caseFile);
  bodies(writer, caseFile);
  custodyAndSamples(writer, caseFile);
  identificationHistory(writer, caseFile);
  auditHashes(writer, hashes, meta);
  return writer.toBuffer();
}
