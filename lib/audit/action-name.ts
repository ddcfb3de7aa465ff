import { getTranslations } from "next-intl/server";
import { isAuditEntity } from "@/lib/audit/filters";

/**
 * "missingPerson.create" → "تسجيل مفقود"; a read names its record type ("اطلاع على: مفقود"); an
 * unknown code gives null, and the caller shows the code as written.
 */
export async function auditActionNamer(): Promise<(action: string) => string | null> {
  const [t, entities, actions] = await Promise.all([getTranslations("Audit.table"), getTranslations("Audit.entities"), getTranslations("Audit.actions")]);
  return (action) => {
    // Reads are written "<entity>.read" (lib/audit/read-actions.ts, server-only).
    const readEntity = action.endsWith(".read") ? action.slice(0, -".read".length) : null;
    if (readEntity !== null) return isAuditEntity(readEntity) ? t("readOf", { entity: entities(readEntity) }) : null;
    return actions.has(action as never) ? actions(action as never) : null;
  };
}
