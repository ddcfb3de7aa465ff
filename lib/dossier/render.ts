import { libyaTimeWithZone } from "./dossier-time";
import { label, subjectLabel } from "./labels";
import { DossierWriter } from "./pdf-writer";
import { custodySection } from "./sections/custody";
import { effectsSection, identificationsSection, personsSection, remainsSection, reportsSection, samplesSection } from "./sections/records";
import { field, type DossierContext, type DossierSection } from "./sections/section-context";
import { auditHashesSection, verificationSection } from "./sections/verification";
import type { DossierEntries } from "./audit-hashes";
import type { CaseFile } from "./case-file";
import type { DossierMeta } from "./sections/section-context";

export type { DossierMeta } from "./sections/section-context";

/** The dossier's topics in order; a new topic is one more function here (sections/*.ts). */
const SECTIONS: readonly DossierSection[] = [
  personsSection,
  reportsSection,
  remainsSection,
  effectsSection,
  custodySection,
  samplesSection,
  identificationsSection,
  auditHashesSection,
  verificationSection,
];

function cover({ writer, caseFile, meta }: DossierContext): void {
  const title = label("title");
  writer.title(title.en, title.ar);
  const subject = subjectLabel(caseFile.subject);
  field(writer, "subject", `${subject.en} · ${subject.ar}`);
  field(writer, "generatedAt", libyaTimeWithZone(meta.generatedAt));
  field(writer, "generatedBy", meta.generatedBy);
  writer.note(label("timeZoneNote").en, label("timeZoneNote").ar);
}

/** The prosecution dossier as PDF bytes: every section in English and Arabic, hashes to verify. */
export function renderDossier(caseFile: CaseFile, entries: DossierEntries, meta: DossierMeta): Promise<Buffer> {
  const writer = new DossierWriter({ title: label("title").en });
  const context: DossierContext = { writer, caseFile, entries, meta };
  cover(context);
  for (const draw of SECTIONS) draw(context);
  return writer.toBuffer();
}
