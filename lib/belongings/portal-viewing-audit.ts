import "server-only";
import type { Database } from "@/db/client";
import { appendAuditEntry } from "@/lib/audit/append";
import { runTransaction } from "@/lib/audit/run-transaction";
import type { RequestMetadata } from "@/lib/auth/request-metadata";
import type { CatalogueFilters } from "./catalogue-filters";

export const PORTAL_VIEWING_ACTION = "familyBelongings.portalViewing";

/**
 * A remote viewing is audited as the office's viewing sessions are: each time the portal shows a
 * family the catalogue, one entry naming the family, the filters and how many items were shown.
 */
export async function recordPortalViewing(
  db: Database,
  family: { familyId: string; reference: string },
  shown: { filters: CatalogueFilters; items: number },
  metadata: Partial<RequestMetadata> = {},
): Promise<void> {
  await runTransaction(db, (tx) =>
    appendAuditEntry(tx, {
      actorId: null,
      actorLabel: `family ${family.reference}`,
      action: PORTAL_VIEWING_ACTION,
      entity: "family",
      entityId: family.familyId,
      after: { filters: shown.filters, items: shown.items },
      ...metadata,
    }),
  );
}
