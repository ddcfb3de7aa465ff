import type { AntemortemValues, PostmortemValues } from "./schemas";
import { BUILDS, EYE_COLOURS, type Build, type EyeColour } from "./vocabulary";

/** What the edit pages fill their forms with: the stored record, or an empty one dated today. */

interface StoredAntemortem extends Omit<AntemortemValues, "personId" | "version" | "build" | "eyeColour"> {
  version: number;
  build: string;
  eyeColour: string;
}

const isBuild = (value: string): value is Build => (BUILDS as readonly string[]).includes(value);
const isEyeColour = (value: string): value is EyeColour => (EYE_COLOURS as readonly string[]).includes(value);

export function antemortemFormValues(personId: string, record: StoredAntemortem | null, today: string): AntemortemValues {
  if (!record) {
    return {
      personId, version: null, ageAtDisappearance: null, heightMinCm: null, heightMaxCm: null, build: "unknown", hair: "", eyeColour: "unknown",
      marks: [], teeth: [], dentalNotes: "", medical: [], belongings: [], notes: "", informantDonorId: null, informantName: "", informedOn: today,
    };
  }
  return {
    personId,
    version: record.version,
    ageAtDisappearance: record.ageAtDisappearance,
    heightMinCm: record.heightMinCm,
    heightMaxCm: record.heightMaxCm,
    build: isBuild(record.build) ? record.build : "unknown",
    hair: record.hair,
    eyeColour: isEyeColour(record.eyeColour) ? record.eyeColour : "unknown",
    marks: record.marks,
    teeth: record.teeth,
    dentalNotes: record.dentalNotes,
    medical: record.medical,
    belongings: record.belongings,
    notes: record.notes,
    informantDonorId: record.informantDonorId,
    informantName: record.informantName,
    informedOn: record.informedOn,
  };
}

type StoredPostmortem = Omit<PostmortemValues, "remainsId" | "version"> & { version: number };

export function postmortemFormValues(remainsId: string, record: StoredPostmortem | null): PostmortemValues {
  if (!record) return { remainsId, version: null, statureMinCm: null, statureMaxCm: null, marks: [], teeth: [], dentalNotes: "", medical: [], belongings: [], notes: "" };
  const { statureMinCm, statureMaxCm, marks, teeth, dentalNotes, medical, belongings, notes, version } = record;
  return { remainsId, version, statureMinCm, statureMaxCm, marks, teeth, dentalNotes, medical, belongings, notes };
}
