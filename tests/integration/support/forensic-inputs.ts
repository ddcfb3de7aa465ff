let nextSiteNumber = 100;

/** A site code no other test of the file uses (each file has its own database per backend). */
export function uniqueSiteCode(): string {
  nextSiteNumber += 1;
  return `TRH-GS-${nextSiteNumber}`;
}

/** A valid grave site as the form sends it, less its code. */
export const GRAVE_SITE_VALUES = {
  nameAr: "مزرعة الربط",
  nameEn: "Al-Rabt farm",
  description: "Reported by a farmer in 2020.",
  discoveredOn: "2020-06-05",
  status: "reported",
  latitude: 32.44,
  longitude: 13.64,
  confirmFarFromTarhuna: false,
  isPublic: false,
  exactLocationPublic: false,
};

/** A valid body as the form sends it, less its site and code. */
export const REMAINS_VALUES = {
  recoveredOn: "2020-07-01",
  estimatedSex: "male",
  ageMin: 25,
  ageMax: 40,
  condition: "partial",
  storageLocation: "Tripoli mortuary, drawer 12",
  notes: "",
  effects: [
    { effectId: null, kind: "car_key", description: "Toyota car key on a red key ring" },
    { effectId: null, kind: "identity_document", description: "Identity card, name partly legible" },
  ],
};

export function graveSiteInput(overrides: Record<string, unknown> = {}) {
  return { code: uniqueSiteCode(), ...GRAVE_SITE_VALUES, ...overrides };
}

export function remainsInput(site: { id: string; code: string }, overrides: Record<string, unknown> = {}) {
  return { siteId: site.id, code: `${site.code}-B001`, ...structuredClone(REMAINS_VALUES), ...overrides };
}
