import { z } from "zod";

/** Issuing or reissuing a family's portal code names only the family. */
export const issueAccessCodeSchema = z.object({ familyId: z.uuid({ error: "invalidChoice" }) });

export type IssueAccessCodeValues = z.infer<typeof issueAccessCodeSchema>;
