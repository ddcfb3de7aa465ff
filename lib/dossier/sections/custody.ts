import { libyaDate, libyaTime } from "../dossier-time";
import { entryReference } from "../audit-hashes";
import { label, terms } from "../labels";
import { joined, section, userName, type DossierContext } from "./section-context";

const COLUMNS = [
  ["custodyWhen", 16],
  ["custodyEvent", 15],
  ["custodyFrom", 14],
  ["custodyTo", 14],
  ["custodyPlace", 15],
  ["custodyRecordedBy", 13],
  ["custodyAudit", 13],
] as const;

/**
 * The chain of custody as a table: when (Libya time, or the date alone when none was recorded),
 * what, from whom, to whom, where, recorded by whom, and the audit entry that recorded it.
 */
export function custodySection(context: DossierContext): void {
  const { writer, caseFile, entries } = context;
  section(writer, "custodySection", caseFile.custody.length === 0);
  if (caseFile.custody.length === 0) return;
  const subjects = new Map([
    ...caseFile.remains.map((body) => [body.id, body.code] as const),
    ...caseFile.samples.map((sample) => [sample.id, sample.barcode] as const),
  ]);
  const rows = caseFile.custody.map((event) => [
    entries.dateOnlyCustody.has(event.id) ? libyaDate(event.occurredAt) : libyaTime(event.occurredAt),
    joined(terms.custodyAction(event.action), subjects.get(event.remainsId ?? event.sampleId ?? ""), event.notes),
    event.fromParty,
    event.toParty,
    event.place,
    userName(caseFile, event.recordedBy),
    entryReference(entries, "custody_event", event.id) ?? "—",
  ]);
  writer.table(
    COLUMNS.map(([key, width]) => ({ ...label(key), width })),
    rows,
  );
}
