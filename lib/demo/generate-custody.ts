import { addDays, atHour } from "./dates";
import type { Random } from "./random";
import type {
  CustodyEventRow,
  DemoStaff,
  DnaSampleRow,
  GraveSiteRow,
  IdentificationRow,
  RemainsRow,
} from "./types";

const RECOVERY_TEAM = "فريق الانتشال";
const MORTUARY = "المشرحة";
const HOUR_MS = 3_600_000;

type Subject = { remainsId: string } | { sampleId: string };
type Step = Pick<CustodyEventRow, "action" | "fromParty" | "toParty" | "place" | "occurredAt">;

function recorded(random: Random, subject: Subject, step: Step, staff: DemoStaff): CustodyEventRow {
  const recorder = random.chance(0.5) ? staff.forensic : staff.secondForensic;
  return {
    id: random.uuid(),
    ...subject,
    ...step,
    recordedBy: recorder.id,
    // Entered an hour after the hand-over, as a team back from the field would.
    recordedAt: new Date(step.occurredAt.getTime() + HOUR_MS),
  };
}

function step(action: Step["action"], fromParty: string, toParty: string, place: string, occurredAt: Date): Step {
  return { action, fromParty, toParty, place, occurredAt };
}

/** From the grave to a mortuary drawer, and for a returned body on to the family. */
function remainsSteps(body: RemainsRow, siteName: string, returned: IdentificationRow | undefined): Step[] {
  const steps = [
    step("collected", "", RECOVERY_TEAM, siteName, atHour(body.recoveredOn, 10)),
    step("transferred", RECOVERY_TEAM, MORTUARY, siteName, atHour(body.recoveredOn, 15)),
    step("received", RECOVERY_TEAM, MORTUARY, MORTUARY, atHour(body.recoveredOn, 17)),
    step("stored", MORTUARY, MORTUARY, "المشرحة – الثلاجة", atHour(addDays(body.recoveredOn, 1), 9)),
  ];
  if (returned?.returnedOn) {
    const family = returned.returnedTo ?? "";
    steps.push(
      step("released", MORTUARY, family, MORTUARY, atHour(returned.returnedOn, 9)),
      step("returned", MORTUARY, family, returned.burialPlace ?? "", atHour(returned.returnedOn, 12)),
    );
  }
  return steps;
}

/** Shipping and receipt by the laboratory, for every sample that has left the registry. */
function sampleSteps(sample: DnaSampleRow): Step[] {
  const laboratory = sample.laboratory ?? "";
  const steps: Step[] = [];
  if (sample.shippedOn) {
    steps.push(step("transferred", sample.collectedByName, laboratory, "مكتب السجل", atHour(sample.shippedOn, 11)));
  }
  if (sample.receivedOn) {
    steps.push(step("received", "شركة الشحن", laboratory, laboratory, atHour(sample.receivedOn, 10)));
  }
  return steps;
}

interface CustodySubjects {
  sites: readonly GraveSiteRow[];
  remains: readonly RemainsRow[];
  samples: readonly DnaSampleRow[];
  identifications: readonly IdentificationRow[];
}

export function buildCustodyEvents(
  random: Random,
  records: CustodySubjects,
  staff: DemoStaff,
): CustodyEventRow[] {
  const siteNames = new Map(records.sites.map((site) => [site.id, site.nameAr]));
  const returned = records.identifications.filter((row) => row.returnedOn);
  const returnedByRemains = new Map(returned.map((row) => [row.remainsId, row]));
  const events = records.remains.flatMap((body) =>
    remainsSteps(body, siteNames.get(body.siteId) ?? "", returnedByRemains.get(body.id)).map((step) =>
      recorded(random, { remainsId: body.id }, step, staff),
    ),
  );
  for (const sample of records.samples) {
    for (const step of sampleSteps(sample)) events.push(recorded(random, { sampleId: sample.id }, step, staff));
  }
  return events;
}
