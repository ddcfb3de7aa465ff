import { z } from "zod";

/** The read options of an import request, as the wizard sends them (lib/import/read-options.ts). */
export const readOptionsSchema = z.object({
  sheets: z.array(z.string().max(200)).max(300).nullable(),
  headerRows: z.record(z.string().max(200), z.number().int().min(1).max(1_048_576)).nullable(),
  hiddenRows: z.enum(["skip", "read"]),
  // partialRecord: zod 4's record of an enum demands every key, and a file may have one date column or none.
  dateOrders: z.partialRecord(z.enum(["filedOn", "lastSeenOn"]), z.enum(["dayFirst", "monthFirst"])).optional(),
  valueMappings: z
    .object({
      category: z.record(z.string().max(200), z.enum(["killing", "disappearance"])).optional(),
      sex: z.record(z.string().max(200), z.enum(["male", "female", "unknown"])).optional(),
    })
    .optional(),
});
