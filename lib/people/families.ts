import "server-only";
import { families } from "@/db/schema";
import type { ActionContext } from "@/lib/actions/define-action";
import type { FamilyValues } from "./schemas";
import { refusingDuplicate } from "./unique-field";
import { auditSnapshot } from "@/lib/audit/snapshot";

export async function createFamily({ input, tx, audit }: ActionContext<FamilyValues>): Promise<{ familyId: string }> {
  const [created] = await refusingDuplicate("reference", "familyReferenceTaken", () =>
    tx.insert(families).values(input).returning(),
  );
  if (!created) throw new Error("family was not inserted");
  // The access code hash is never written to the audit log.
  await audit({ action: "family.create", entity: "family", entityId: created.id, after: auditSnapshot("family", created) });
  return { familyId: created.id };
}
