import { formatLikelihoodRatio, formatLog10LikelihoodRatio } from "@/lib/identifications/likelihood-ratio";
import { dnaEvidenceLines } from "../dna-evidence";
import { libyaTimeWithZone } from "../dossier-time";
import { label, terms } from "../labels";
import { auditEntryField, field, joined, section, userName, type DossierContext } from "./section-context";

export function personsSection(context: DossierContext): void {
  const { writer, caseFile } = context;
  section(writer, "personsSection", caseFile.persons.length === 0);
  for (const person of caseFile.persons) {
    field(writer, "caseNumber", person.caseNumber);
    if (person.reportDataWithheld) {
      // Made from an online report without a live consent (c): the case is named, the reporter's data is not.
      field(writer, "status", terms.personStatus(person.status));
      field(writer, "family", person.familyReference ?? "");
      writer.note(label("reportDataWithheld").en, label("reportDataWithheld").ar);
      auditEntryField(context, "missing_person", person);
      writer.space();
      continue;
    }
    field(writer, "name", [person.givenName, person.fatherName, person.grandfatherName, person.familyName].filter((part) => part).join(" "));
    field(writer, "nameLatin", person.nameLatin);
    field(writer, "sex", terms.sex(person.sex));
    field(writer, "birthYear", person.birthYear === null ? "" : String(person.birthYear));
    field(writer, "lastSeen", joined(person.lastSeenOn, person.lastSeenPlace));
    field(writer, "circumstances", person.circumstances);
    field(writer, "status", terms.personStatus(person.status));
    field(writer, "family", joined(person.familyReference, person.familyContact));
    auditEntryField(context, "missing_person", person);
    writer.space();
  }
}

export function reportsSection(context: DossierContext): void {
  const { writer, caseFile } = context;
  section(writer, "reportsSection", caseFile.reports.length === 0);
  for (const report of caseFile.reports) {
    field(writer, "report", joined(report.reportNumber, report.station));
    field(writer, "filedOn", report.filedOn);
    field(writer, "reporter", joined(report.reporterName, report.reporterRelationship));
    field(writer, "category", terms.category(report.category));
    field(writer, "narrative", report.narrative);
    auditEntryField(context, "police_report", report);
    writer.space();
  }
}

export function remainsSection(context: DossierContext): void {
  const { writer, caseFile } = context;
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
    auditEntryField(context, "remains", body);
    writer.space();
  }
}

/** Effects are recorded with their body, in the body's own audit entries. */
export function effectsSection(context: DossierContext): void {
  const { writer, caseFile } = context;
  const codes = new Map(caseFile.remains.map((body) => [body.id, body.code]));
  section(writer, "effectsSection", caseFile.effects.length === 0);
  for (const effect of caseFile.effects) field(writer, "effect", joined(terms.effectKind(effect.kind), effect.description, codes.get(effect.remainsId)));
}

export function samplesSection(context: DossierContext): void {
  const { writer, caseFile } = context;
  section(writer, "samplesSection", caseFile.samples.length === 0);
  for (const sample of caseFile.samples) {
    field(writer, "sample", joined(sample.barcode, sample.collectedOn, sample.collectedByName));
    field(writer, "sampleKind", terms.sampleKind(sample.kind));
    field(writer, "labStatus", joined(terms.labStatus(sample.labStatus), sample.laboratory, sample.profiledOn ?? sample.receivedOn ?? sample.shippedOn, sample.failureReason));
    auditEntryField(context, "dna_sample", sample);
    writer.space();
  }
}

export function identificationsSection(context: DossierContext): void {
  const { writer, caseFile } = context;
  const step = (key: Parameters<typeof field>[1], when: string, who: string | null, detail?: string | null) => {
    if (when !== "") field(writer, key, joined(when, who === null ? null : userName(caseFile, who), detail));
  };
  section(writer, "identificationsSection", caseFile.identifications.length === 0);
  const codes = new Map(caseFile.remains.map((body) => [body.id, body.code]));
  const cases = new Map(caseFile.persons.map((person) => [person.id, person.caseNumber]));
  for (const item of caseFile.identifications) {
    field(writer, "identification", joined(codes.get(item.remainsId), cases.get(item.missingPersonId), terms.identificationStatus(item.status)));
    field(writer, "basis", joined(...item.basis.map(terms.basis), item.likelihoodRatio === null ? null : `LR ${formatLikelihoodRatio(item.likelihoodRatio, { superscript: false })}`));
    for (const line of dnaEvidenceLines(item, caseFile.frequencyTables, (log10) => formatLog10LikelihoodRatio(log10, { superscript: false }))) field(writer, line.key, line.value);
    field(writer, "evidence", item.evidenceSummary);
    step("proposed", libyaTimeWithZone(item.proposedAt), item.proposedBy);
    step("confirmed", libyaTimeWithZone(item.confirmedAt), item.confirmedBy);
    step("notified", item.notifiedOn ?? "", item.notifiedBy, item.notificationMethod === null ? null : terms.notificationMethod(item.notificationMethod));
    step("returned", item.returnedOn ?? "", null, joined(item.returnedTo, item.burialPlace));
    step("rejected", libyaTimeWithZone(item.rejectedAt), item.rejectedBy, item.rejectionReason);
    step("retracted", libyaTimeWithZone(item.retractedAt), item.retractedBy, item.retractionReason);
    auditEntryField(context, "identification", item);
    writer.space();
  }
}
