import type { Executor } from "@/db/client";
import { systemSettings } from "@/db/schema";
import { APPROVAL_POLICY_KEY } from "@/lib/approvals/policy";
import { SECOND_PERSON_ACTIONS } from "@/lib/approvals/second-person-actions";

/**
 * For tests of what an irreversible step does (a void, a merge, a retraction): the step runs at
 * once, as an administrator may allow. The waiting for a second person is tested in
 * second-person-approval.test.ts.
 */
export async function relaxSecondPersonControl(db: Executor): Promise<void> {
  const value = { required: Object.fromEntries(SECOND_PERSON_ACTIONS.map((action) => [action, false])) };
  await db.insert(systemSettings).values({ key: APPROVAL_POLICY_KEY, value }).onConflictDoUpdate({ target: systemSettings.key, set: { value } });
}
