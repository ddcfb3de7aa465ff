import { addDays } from "./dates";
import type { Random } from "./random";
import type { GraveSiteRow, RemainsRow } from "./types";

type SiteStatus = NonNullable<GraveSiteRow["status"]>;

interface SitePlan {
  status: SiteStatus;
  discoveredOn: string;
  bodies: number;
  /** Offsets from the centre of Tarhuna, in degrees: all within about 15 km. */
  northOffset: number;
  eastOffset: number;
  areaAr: string;
  areaEn: string;
}

const TARHUNA_CENTRE = { latitude: 32.43, longitude: 13.63 };

/** 116 bodies in all, none where the site is only reported or surveyed. */
const SITE_PLANS: readonly SitePlan[] = [
  { status: "closed", discoveredOn: "2020-06-11", bodies: 24, northOffset: 0.052, eastOffset: -0.041, areaAr: "الشمال الغربي", areaEn: "north-west" },
  { status: "closed", discoveredOn: "2020-07-02", bodies: 19, northOffset: 0.018, eastOffset: 0.066, areaAr: "الشرق", areaEn: "east" },
  { status: "exhumed", discoveredOn: "2020-10-19", bodies: 27, northOffset: -0.034, eastOffset: 0.023, areaAr: "الجنوب الشرقي", areaEn: "south-east" },
  { status: "exhumed", discoveredOn: "2021-03-08", bodies: 16, northOffset: -0.071, eastOffset: -0.029, areaAr: "الجنوب", areaEn: "south" },
  { status: "excavating", discoveredOn: "2022-04-27", bodies: 18, northOffset: 0.089, eastOffset: 0.031, areaAr: "الشمال", areaEn: "north" },
  { status: "excavating", discoveredOn: "2023-01-15", bodies: 12, northOffset: 0.007, eastOffset: -0.094, areaAr: "الغرب", areaEn: "west" },
  { status: "surveyed", discoveredOn: "2023-05-30", bodies: 0, northOffset: -0.043, eastOffset: 0.102, areaAr: "الشرق البعيد", areaEn: "far east" },
  { status: "reported", discoveredOn: "2023-09-12", bodies: 0, northOffset: 0.061, eastOffset: 0.084, areaAr: "الشمال الشرقي", areaEn: "north-east" },
];

const DESCRIPTION =
  "موقع توضيحي لأغراض العرض التجريبي؛ ليس موقع مقبرة حقيقياً.\n" +
  "Illustrative location for demonstration; not a real grave site.";

const CONDITIONS = [["complete", 4], ["partial", 4], ["commingled", 1], ["fragmentary", 2]] as const;
const ESTIMATED_SEXES = [["male", 84], ["female", 8], ["unknown", 8]] as const;

function siteCode(index: number): string {
  return `TRH-GS-${String(index + 1).padStart(2, "0")}`;
}

export function buildGraveSites(random: Random): GraveSiteRow[] {
  return SITE_PLANS.map((plan, index) => ({
    id: random.uuid(),
    code: siteCode(index),
    nameAr: `موقع توضيحي ${index + 1} – ${plan.areaAr} (بيانات تجريبية)`,
    nameEn: `Illustrative demo site ${index + 1} – ${plan.areaEn} (not real)`,
    description: DESCRIPTION,
    latitude: Number((TARHUNA_CENTRE.latitude + plan.northOffset).toFixed(5)),
    longitude: Number((TARHUNA_CENTRE.longitude + plan.eastOffset).toFixed(5)),
    discoveredOn: plan.discoveredOn,
    status: plan.status,
    // Published so that the public map shows the demo, each at a point rounded to about 1 km.
    isPublic: true,
  }));
}

/** An age range as an anthropologist would give it: ten to fifteen years wide, mostly adults. */
function estimateAgeRange(random: Random): { ageMin: number; ageMax: number } {
  const centre = random.chance(0.06) ? random.int(8, 16) : random.int(18, 72);
  const halfWidth = random.int(4, 8);
  return { ageMin: Math.max(0, centre - halfWidth), ageMax: Math.min(110, centre + halfWidth) };
}

function buildBody(random: Random, site: GraveSiteRow, bodyNumber: number): RemainsRow {
  const recoveredOn = addDays(site.discoveredOn, random.int(3, 40) + bodyNumber * random.int(2, 6));
  return {
    id: random.uuid(),
    siteId: site.id,
    code: `${site.code}-B${String(bodyNumber).padStart(3, "0")}`,
    recoveredOn,
    estimatedSex: random.weighted(ESTIMATED_SEXES),
    ...estimateAgeRange(random),
    condition: random.weighted(CONDITIONS),
    storageLocation: `المشرحة – الثلاجة ${random.pick(["أ", "ب", "ج"])} – الدرج ${random.int(1, 60)}`,
    notes: "",
  };
}

export function buildRemains(random: Random, sites: readonly GraveSiteRow[]): RemainsRow[] {
  return sites.flatMap((site, index) => {
    const bodies = SITE_PLANS[index]?.bodies ?? 0;
    return Array.from({ length: bodies }, (_, offset) => buildBody(random, site, offset + 1));
  });
}
