import { z } from "zod";

/** Issuing or reissuing a family's portal code names only the family. */
export const issueAccessCodeSchema = z.object({ familyId: z.uuid({ error: "invalidChoice" }) });

export type IssueAccessCodeValues = z.infer<typeof issueAccessCodeSchema>;

/** Lifting the sign-in waits on a family's reference names only the family. */
export const liftSignInLockSchema = z.object({ familyId: z.uuid({ error: "invalidChoice" }) });

export type LiftSignInLockValues = z.infer<typeof liftSignInLockSchema>;
