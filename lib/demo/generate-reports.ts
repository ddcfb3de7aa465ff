import "server-only";
import { DEFAULT_POLICE_STATION } from "@/db/schema/police-reports";
import { randomDateBetween, yearOf } from "./dates";
import type { FamilyWithMembers } from "./generate-families";
import { findName, fullArabicName, inventName } from "./names";
import type { Random } from "./random";
import type { MissingPersonRow, PoliceReportPersonRow, PoliceReportRow } from "./types";

/** More than 3,000 reports for a few hundred people: families reported again and again. */
export const POLICE_REPORT_COUNT = 3050;
const OTHER_STATION = "مركز شرطة سوق الخميس";

const REPORTERS = [
  ["أخ", "male"], ["أب", "male"], ["أم", "female"], ["ابن", "male"], ["زوجة", "female"],
  ["عم", "male"], ["ابن عم", "male"], ["أخت", "female"],
] as const;

function narrative(category: PoliceReportRow["category"], person: MissingPersonRow): string {
  const name = fullArabicName(person);
  const when = person.lastSeenOn ?? "";
  const where = person.lastSeenPlace ?? "";
  return category === "killing"
    ? `يفيد المبلّغ بأن ${name} اقتيد من ${where} بتاريخ ${when}، وأن الأسرة تلقّت أنباء عن مقتله، ويطلب البحث عن رفاته.`
    : `يفيد المبلّغ بأن ${name} شوهد آخر مرة في ${where} بتاريخ ${when}، ولم يُعرف مصيره منذ ذلك الحين.`;
}

function buildReport(random: Random, people: MissingPersonRow[]): { report: PoliceReportRow; links: PoliceReportPersonRow[] } {
  const [subject] = people;
  if (!subject) throw new Error("a police report names at least one person");
  const [relationship, sex] = random.pick(REPORTERS);
  const reporter = inventName(random, sex, findName(random, subject.familyName ?? ""));
  const category = random.chance(0.35) ? "killing" : "disappearance";
  const report: PoliceReportRow = {
    id: random.uuid(),
    station: random.chance(0.02) ? OTHER_STATION : DEFAULT_POLICE_STATION,
    reportNumber: "",
    filedOn: randomDateBetween(random, "2020-06-05", "2024-12-31"),
    reporterName: fullArabicName(reporter),
    reporterRelationship: relationship,
    category,
    narrative: narrative(category, subject),
  };
  return { report, links: people.map((person) => ({ reportId: report.id, missingPersonId: person.id })) };
}

/** Who a report names: usually one person, sometimes a relative who disappeared with them. */
function reportSubjects(random: Random, family: FamilyWithMembers, person: MissingPersonRow): MissingPersonRow[] {
  const relatives = family.missingPersons.filter((other) => other.id !== person.id);
  if (relatives.length === 0 || !random.chance(0.15)) return [person];
  return [person, random.pick(relatives)];
}

/** Numbers run per station and year ("17/2021"), in filing order, as a station's register does. */
function numberReports(reports: PoliceReportRow[]): void {
  const sequences = new Map<string, number>();
  reports.sort((first, second) => first.filedOn.localeCompare(second.filedOn));
  for (const report of reports) {
    const key = `${report.station}|${yearOf(report.filedOn)}`;
    const next = (sequences.get(key) ?? 0) + 1;
    sequences.set(key, next);
    report.reportNumber = `${next}/${yearOf(report.filedOn)}`;
  }
}

export function buildPoliceReports(random: Random, families: readonly FamilyWithMembers[]) {
  const everyone = families.flatMap((family) => family.missingPersons.map((person) => ({ family, person })));
  const reports: PoliceReportRow[] = [];
  const links: PoliceReportPersonRow[] = [];
  for (let index = 0; index < POLICE_REPORT_COUNT; index += 1) {
    // Everyone is reported at least once; after that, reports fall on people at random.
    const entry = everyone[index] ?? random.pick(everyone);
    const built = buildReport(random, reportSubjects(random, entry.family, entry.person));
    reports.push(built.report);
    links.push(...built.links);
  }
  numberReports(reports);
  return { policeReports: reports, policeReportPersons: links };
}
