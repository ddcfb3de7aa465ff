import type { Locale } from "next-intl";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { FamilyForm } from "@/components/people/family-form";
import { requirePageRead } from "@/lib/auth/page-guard";
import { Link } from "@/lib/i18n/navigation";
import { suggestFamilyReference } from "@/lib/people/sequences";
import { getDb } from "@/lib/server/database";
import { createFamily } from "../actions";
import { withStaffPageMessages } from "@/components/i18n/staff-page-messages";

async function NewFamilyPage({ params }: { params: Promise<{ locale: Locale }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const read = await requirePageRead(locale, "people.write");
  const [t, suggestedReference] = await Promise.all([getTranslations("People"), getDb().then((db) => suggestFamilyReference(read, db))]);
  return (
    <section className="mx-auto max-w-md space-y-6">
      <Link href="/staff/families" className="text-sm text-accent underline">{t("familiesTitle")}</Link>
      <h1 className="text-2xl font-semibold">{t("newFamilyTitle")}</h1>
      <FamilyForm action={createFamily} suggestedReference={suggestedReference} />
    </section>
  );
}

export default withStaffPageMessages("/staff/families/new", NewFamilyPage);
