import { getTranslations } from "next-intl/server";
import { accessCodeIssuedAt } from "@/lib/family-portal/issue-access-code";
import { Link } from "@/lib/i18n/navigation";
import { getDb } from "@/lib/server/database";

/** After a family's first sample, the registrar is reminded to give the family its portal code. */
export async function AccessCodePrompt({ familyId }: { familyId: string }) {
  const [t, issuedAt] = await Promise.all([getTranslations("FamilyPortal.staff"), getDb().then((db) => accessCodeIssuedAt(db, familyId))]);
  if (issuedAt) return null;
  return (
    <p className="rounded bg-notice px-3 py-2 text-notice-ink" data-testid="access-code-prompt">
      {t("samplePrompt")}{" "}
      <Link href={`/staff/families/${familyId}#portal-access-code`} className="font-medium underline">{t("samplePromptLink")}</Link>
    </p>
  );
}
