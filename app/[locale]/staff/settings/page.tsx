import type { Locale } from "next-intl";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { OfficeContactForm } from "@/components/settings/office-contact-form";
import { requirePagePermission } from "@/lib/auth/page-guard";
import { getOfficeContact } from "@/lib/settings/office-contact";
import { getDb } from "@/lib/server/database";
import { updateOfficeContact } from "./actions";

/** The office's contact details that families see on the portal, the slip and the receipt. */
export default async function SettingsPage({ params }: { params: Promise<{ locale: Locale }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  await requirePagePermission(locale, "settings.manage");
  const [t, contact] = await Promise.all([getTranslations("Settings"), getDb().then(getOfficeContact)]);
  return (
    <section className="mx-auto max-w-3xl space-y-6">
      <header className="space-y-2">
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        <p className="text-muted">{t("intro")}</p>
      </header>
      <OfficeContactForm action={updateOfficeContact} contact={contact} />
    </section>
  );
}
