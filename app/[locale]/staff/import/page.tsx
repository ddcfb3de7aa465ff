import type { Locale } from "next-intl";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { ImportWizard } from "@/components/import/import-wizard";
import { requirePagePermission } from "@/lib/auth/page-guard";

export default async function ImportPage({ params }: { params: Promise<{ locale: Locale }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  await requirePagePermission(locale, "data.import");
  const t = await getTranslations("Import");
  return (
    <section className="mx-auto max-w-4xl space-y-6">
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <p>{t("intro")}</p>
      <ImportWizard />
    </section>
  );
}
