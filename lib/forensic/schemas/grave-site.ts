import { z } from "zod";
import { isFarFromTarhuna, isInsideLibya } from "../geography";
import { GRAVE_SITE_STATUSES } from "../vocabulary";
import { choiceOf, optionalText, pastDate, recordId, requiredText, rowVersion } from "./fields";

const coordinate = (minimum: number, maximum: number) =>
  z
    .number({ error: "Forensic.coordinateRequired" })
    .min(minimum, { error: "Forensic.outsideLibya" })
    .max(maximum, { error: "Forensic.outsideLibya" });

const graveSiteFields = {
  code: z.string().trim().regex(/^TRH-GS-\d{2,3}$/, { error: "Forensic.siteCodeFormat" }),
  nameAr: requiredText(200),
  nameEn: requiredText(200),
  description: optionalText(4000),
  discoveredOn: pastDate,
  status: choiceOf(GRAVE_SITE_STATUSES),
  latitude: coordinate(-90, 90),
  longitude: coordinate(-180, 180),
  /** Ticked by the user for a point more than 50 km from Tarhuna, to show it is not a slip of the hand. */
  confirmFarFromTarhuna: z.boolean(),
  /** On the public map, GeoJSON and CSV: a decision of staff, never a default. */
  isPublic: z.boolean(),
  /** Publish the exact point rather than one rounded to about a kilometre. */
  exactLocationPublic: z.boolean(),
};

type LocationValues = { latitude: number; longitude: number; confirmFarFromTarhuna: boolean };

function checkLocation(values: LocationValues, context: z.RefinementCtx): void {
  if (!isInsideLibya(values.latitude, values.longitude)) {
    context.addIssue({ code: "custom", path: ["latitude"], message: "Forensic.outsideLibya" });
    return;
  }
  if (isFarFromTarhuna(values.latitude, values.longitude) && !values.confirmFarFromTarhuna) {
    context.addIssue({ code: "custom", path: ["confirmFarFromTarhuna"], message: "Forensic.farFromTarhunaUnconfirmed" });
  }
}

export const createGraveSiteSchema = z.object(graveSiteFields).superRefine(checkLocation);

export const updateGraveSiteSchema = z
  .object({
    ...graveSiteFields,
    siteId: recordId,
    version: rowVersion,
    /** Required only when an administrator moves the status backwards; the server checks that. */
    statusChangeReason: optionalText(1000),
  })
  .superRefine(checkLocation);

export type CreateGraveSiteValues = z.infer<typeof createGraveSiteSchema>;
export type UpdateGraveSiteValues = z.infer<typeof updateGraveSiteSchema>;
