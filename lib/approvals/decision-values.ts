import { z } from "zod";
import { recordId, requiredText } from "@/lib/forensic/schemas/fields";

/** Client-safe: the refusal form checks in the browser what the server action parses. */
export const refuseRequestValuesSchema = z.object({
  requestId: recordId,
  reason: requiredText(1000).min(5, { error: "Approvals.reasonTooShort" }),
});

export type RefuseRequestValues = z.infer<typeof refuseRequestValuesSchema>;
