import type { HeldIdentification, ScreenPerson, ScreenRow } from "./screening";

// Apart from screening.ts (which reads the database) so the leads table can decide without a server-only import.
/** What a lead offers beside a person: the identification that already holds either side, or a proposal. */
export function leadOffer(row: ScreenRow, person: ScreenPerson): { kind: "held"; identification: HeldIdentification } | { kind: "propose" } | null {
  const held = person.identification ?? row.remainsIdentification;
  if (held) return { kind: "held", identification: held };
  return row.isLead ? { kind: "propose" } : null;
}
