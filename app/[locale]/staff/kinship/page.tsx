import type { Locale } from "next-intl";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { FrequencyTableSummary } from "@/components/kinship/frequency-table-summary";
import { ProfileImportForm } from "@/components/kinship/profile-import-form";
import { ScreenSettingsForm } from "@/components/kinship/screen-settings-form";
import { requirePageRead } from "@/lib/auth/page-guard";
import { can } from "@/lib/auth/permissions";
import { readActiveFrequencyTable } from "@/lib/dna-profiles/frequency-store";
import { countProfiles } from "@/lib/dna-profiles/profile-store";
import { screenSettingsSchema } from "@/lib/dna-profiles/screening";
import { Link } from "@/lib/i18n/navigation";
import { getDb } from "@/lib/server/database";
import { importStrProfiles } from "./actions";
import { withStaffPageMessages } from "@/components/i18n/staff-page-messages";

async function KinshipPage({ params }: { params: Promise<{ locale: Locale }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const read = await requirePageRead(locale, "dnaProfiles.use");
  const { session } = read;
  const db = await getDb();
  const [t, active, counts] = await Promise.all([getTranslations("Kinship"), readActiveFrequencyTable(read, db), countProfiles(read, db)]);
  return (
    <section className="max-w-5xl space-y-8">
      <header className="space-y-2">
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        <p className="text-muted">{t("intro")}</p>
      </header>
      <section className="space-y-3" aria-labelledby="frequency-title">
        <h2 id="frequency-title" className="text-lg font-semibold">{t("frequencyTitle")}</h2>
        <FrequencyTableSummary info={active?.info ?? null} />
        {can(session.role, "alleleFrequencies.manage") && (
          <Link href="/staff/kinship/frequencies" className="text-accent underline">
            {t("manageFrequencies")}
          </Link>
        )}
      </section>
      <section className="space-y-3" aria-labelledby="profiles-title">
        <h2 id="profiles-title" className="text-lg font-semibold">{t("profilesTitle")}</h2>
        <p data-testid="profile-counts">{t("profileCounts", { remains: counts.remains, references: counts.reference })}</p>
        <h3 className="font-semibold">{t("importProfilesTitle")}</h3>
        <ProfileImportForm action={importStrProfiles} />
      </section>
      <section className="space-y-3" aria-labelledby="screen-title">
        <h2 id="screen-title" className="text-lg font-semibold">{t("screenTitle")}</h2>
        <p className="text-muted">{t("screenIntro")}</p>
        <ScreenSettingsForm locale={locale} parameters={screenSettingsSchema.parse({})} />
        <p>
          <Link href="/staff/kinship/sampling-worklist" className="text-accent underline" data-testid="sampling-worklist-link">
            {t("worklistLink")}
          </Link>
        </p>
      </section>
    </section>
  );
}

export default withStaffPageMessages("/staff/kinship", KinshipPage);
