import type { AuditEntryInput } from "@/lib/audit/append";
import { auditSnapshot, type AuditedEntity } from "@/lib/audit/snapshot";
import type { DemoDataset } from "./types";

const SEED_ACTOR = { actorId: null, actorLabel: "demo seed", action: "demo.create" } as const;

/** The entry staff creating the row would have left: the same allow-listed snapshot, plus what goes with it. */
function created(entity: AuditedEntity, row: { id: string }, alongside: Record<string, unknown> = {}): AuditEntryInput {
  return { ...SEED_ACTOR, entity, entityId: row.id, after: { ...auditSnapshot(entity, row), ...alongside } };
}

/**
 * One entry per record the demo creates that a case history or dossier shows, as staff creating
 * it would have left: the demo's dossiers then carry each record's hash like real ones do. The
 * entity names are the ones the actions write. User accounts are left out (their rows hold
 * password hashes); effects go with their body, as the body's own entries record them.
 */
export function demoCreationEntries(dataset: DemoDataset): AuditEntryInput[] {
  const effectsByBody = new Map<string, DemoDataset["personalEffects"]>();
  for (const effect of dataset.personalEffects) effectsByBody.set(effect.remainsId, [...(effectsByBody.get(effect.remainsId) ?? []), effect]);
  return [
    ...dataset.graveSites.map((site) => created("grave_site", site)),
    ...dataset.remains.map((body) =>
      created("remains", body, { personalEffects: (effectsByBody.get(body.id) ?? []).map((effect) => auditSnapshot("personal_effect", effect)) }),
    ),
    // The allow-list keeps the access code hash out, as in lib/people/families.ts.
    ...dataset.families.map((family) => created("family", family)),
    ...dataset.missingPersons.map((person) => created("missing_person", person)),
    ...dataset.referenceDonors.map((donor) => created("reference_donor", donor)),
    ...dataset.dnaSamples.map((sample) => created("dna_sample", sample)),
    ...dataset.policeReports.map((report) => created("police_report", report)),
    ...dataset.identifications.map((identification) => created("identification", identification)),
    ...dataset.custodyEvents.map((event) => created("custody_event", event)),
    ...dataset.antemortemRecords.map((record) => created("antemortem_record", record)),
    ...dataset.postmortemRecords.map((record) => created("postmortem_record", record)),
  ];
}
