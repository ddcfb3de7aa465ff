import { getTranslations } from "next-intl/server";
import { readAccessCodeIssuedAt } from "@/lib/family-portal/issue-access-code";
import { Link } from "@/lib/i18n/navigation";
import { getDb } from "@/lib/server/database";
import type { ReadAccess } from "@/lib/auth/read-access";

/** After a family's first sample, the registrar is reminded to give the family its portal code. */
export async function AccessCodePrompt({ access, familyId }: { access: ReadAccess<"familyAccessCode.issue">; familyId: string }) {
  const [t, issuedAt] = await Promise.all([getTranslations("FamilyPortal.staff"), getDb().then((db) => readAccessCodeIssuedAt(access, db, familyId))]);
  if (issuedAt) return null;
  return (
    <p className="rounded bg-notice px-3 py-2 text-notice-ink" data-testid="access-code-prompt">
      {t("samplePrompt")}{" "}
      <Link href={`/staff/families/${familyId}#portal-access-code`} className="font-medium underline">{t("samplePromptLink")}</Link>
    </p>
  );
}
