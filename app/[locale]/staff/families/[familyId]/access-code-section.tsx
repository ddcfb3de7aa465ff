import type { Locale } from "next-intl";
import { getTranslations } from "next-intl/server";
import { AccessCodePanel } from "@/components/family-portal/access-code-panel";
import type { SlipText } from "@/components/family-portal/access-code-slip";
import { accessCodeIssuedAt } from "@/lib/family-portal/issue-access-code";
import { getDb } from "@/lib/server/database";
import { issueFamilyAccessCode } from "./actions";

async function slipText(locale: Locale): Promise<SlipText> {
  const t = await getTranslations({ locale, namespace: "FamilyPortal.slip" });
  return { title: t("title"), reference: t("reference"), code: t("code"), issuedOn: t.raw("issuedOn") as string, instructions: t("instructions") };
}

/** "Portal access code" on the family page, for the roles that may issue one. */
export async function AccessCodeSection({ familyId }: { familyId: string }) {
  const [t, issuedAt, ar, en] = await Promise.all([
    getTranslations("FamilyPortal.staff"),
    getDb().then((db) => accessCodeIssuedAt(db, familyId)),
    slipText("ar"),
    slipText("en"),
  ]);
  return (
    <section id="portal-access-code" className="space-y-3 rounded border border-line p-4" aria-labelledby="portal-access-code-title">
      <h2 id="portal-access-code-title" className="text-xl font-semibold">{t("title")}</h2>
      <AccessCodePanel familyId={familyId} issuedAt={issuedAt?.toISOString() ?? null} action={issueFamilyAccessCode} slipText={{ ar, en }} />
    </section>
  );
}
