import type { Locale } from "next-intl";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { IdentificationTable } from "@/components/identifications/identification-table";
import { StatusFilter } from "@/components/identifications/status-filter";
import { requirePageRead } from "@/lib/auth/page-guard";
import { can } from "@/lib/auth/permissions";
import { Link } from "@/lib/i18n/navigation";
import { listIdentifications } from "@/lib/identifications/queries";
import type { IdentificationStatus } from "@/lib/identifications/state-machine";
import { identificationStatus } from "@/db/schema/enums";
import { getDb } from "@/lib/server/database";
import { withStaffPageMessages } from "@/components/i18n/staff-page-messages";

interface IdentificationsPageProps {
  params: Promise<{ locale: Locale }>;
  searchParams: Promise<{ status?: string | string[] }>;
}

function statusFilter(value: string | string[] | undefined): IdentificationStatus | null {
  return identificationStatus.enumValues.find((status) => status === value) ?? null;
}

async function IdentificationsPage({ params, searchParams }: IdentificationsPageProps) {
  const { locale } = await params;
  setRequestLocale(locale);
  const read = await requirePageRead(locale, "people.read");
  const { session } = read;
  const status = statusFilter((await searchParams).status);
  const [t, aftercare, rows] = await Promise.all([getTranslations("Identifications"), getTranslations("Aftercare"), getDb().then((db) => listIdentifications(read, db, status))]);
  return (
    <section className="space-y-6">
      <header className="flex flex-wrap items-end justify-between gap-4">
        <div className="space-y-2">
          <h1 className="text-2xl font-semibold">{t("title")}</h1>
          <p className="max-w-3xl text-muted">{t("intro")}</p>
          <Link href="/staff/identifications/verify" className="text-accent underline" data-testid="verify-document-link">
            {aftercare("verifyTitle")}
          </Link>
        </div>
        {can(session.role, "identification.propose") && (
          <Link href="/staff/identifications/new" className="rounded bg-accent px-4 py-2 font-medium text-white" data-testid="propose-identification-link">
            {t("proposeLink")}
          </Link>
        )}
      </header>
      <StatusFilter locale={locale} selected={status} />
      <IdentificationTable rows={rows} locale={locale} />
    </section>
  );
}

export default withStaffPageMessages("/staff/identifications", IdentificationsPage);
