import type { Locale } from "next-intl";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { ActivityCharts } from "@/components/dashboard/activity-charts";
import { BackupStatus } from "@/components/dashboard/backup-status";
import { PipelineChart } from "@/components/dashboard/pipeline-chart";
import { SamplesChart } from "@/components/dashboard/samples-chart";
import { SiteFilterForm } from "@/components/dashboard/site-filter-form";
import { GraveSiteMap } from "@/components/public/grave-site-map";
import { HeadlineFigures } from "@/components/public/headline-figures";
import { WorkQueues } from "@/components/identifications/work-queues";
import { requirePageRead } from "@/lib/auth/page-guard";
import { can } from "@/lib/auth/permissions";
import { authoriseRead, readAccessIf } from "@/lib/auth/read-access";
import { getMonthlyActivity } from "@/lib/dashboard/activity";
import { getBackupStatus } from "@/lib/dashboard/backup-status";
import { getIdentificationPipeline } from "@/lib/dashboard/pipeline";
import { getSamplesByLabStatus } from "@/lib/dashboard/samples";
import { findGraveSiteFilter } from "@/lib/dashboard/site-filter";
import { getWorkQueues } from "@/lib/identifications/work-queues";
import { getFollowUpQueue } from "@/lib/aftercare/follow-ups";
import { getPublicGraveSites } from "@/lib/public/sites";
import { getPublicSummary } from "@/lib/public/summary";
import { getDb } from "@/lib/server/database";
import { countWaitingReports } from "@/lib/online-reports/queries";
import { Link } from "@/lib/i18n/navigation";
import { withStaffPageMessages } from "@/components/i18n/staff-page-messages";

interface StaffDashboardPageProps {
  params: Promise<{ locale: Locale }>;
  searchParams: Promise<{ site?: string | string[] }>;
}

async function StaffDashboardPage({ params, searchParams }: StaffDashboardPageProps) {
  const { locale } = await params;
  setRequestLocale(locale);
  const read = await requirePageRead(locale, "dashboard.read");
  const { site: siteParameter } = await searchParams;
  const db = await getDb();
  const site = await findGraveSiteFilter(read, db, typeof siteParameter === "string" ? siteParameter : undefined);
  const [staff, t, summary, sites, pipeline, samples, activity] = await Promise.all([
    getTranslations("Staff"),
    getTranslations("Dashboard"),
    getPublicSummary(db),
    getPublicGraveSites(db),
    getIdentificationPipeline(read, db, site),
    getSamplesByLabStatus(read, db, site),
    getMonthlyActivity(read, db),
  ]);
  // Registrars and administrators, who triage them, see how many online reports wait.
  const triage = readAccessIf(read.session, "people.write");
  const [queues, followUps, waitingReports, onlineReports] = await Promise.all([
    getWorkQueues(read, db),
    getFollowUpQueue(read, db),
    triage ? countWaitingReports(triage, db) : Promise.resolve(null),
    getTranslations("OnlineReport.staff"),
  ]);
  // Administrators only: whether the registry could be brought back after losing its server.
  const backups = can(read.session.role, "settings.manage") ? await getBackupStatus(authoriseRead(read.session, "settings.manage"), db) : null;
  const mappedSites = site ? sites.filter((entry) => entry.code === site.code) : sites;
  return (
    <div className="space-y-10">
      <header className="space-y-2">
        <h1 className="text-2xl font-semibold">{staff("dashboardTitle")}</h1>
        <p className="text-muted">{t("intro")}</p>
      </header>
      <section aria-labelledby="dashboard-figures" className="space-y-4">
        <h2 id="dashboard-figures" className="text-xl font-semibold">{t("figuresHeading")}</h2>
        <HeadlineFigures summary={summary} locale={locale} />
      </section>
      {waitingReports !== null && (
        <p>
          <Link href="/staff/online-reports" className="text-accent underline" data-testid="waiting-online-reports">
            {onlineReports("dashboardLink", { count: waitingReports })}
          </Link>
        </p>
      )}
      <WorkQueues queues={queues} followUps={followUps} locale={locale} />
      <section aria-labelledby="dashboard-work" className="space-y-6">
        <h2 id="dashboard-work" className="text-xl font-semibold">{t("workHeading")}</h2>
        <SiteFilterForm sites={sites} selectedCode={site?.code ?? null} locale={locale} />
        {site && <p className="text-sm text-muted" data-testid="site-filter-note">{t("filteredNote", { site: site.code })}</p>}
        <div className="grid gap-6 lg:grid-cols-2">
          <PipelineChart pipeline={pipeline} locale={locale} />
          <SamplesChart samples={samples} locale={locale} />
        </div>
        <ActivityCharts activity={activity} locale={locale} />
      </section>
      {backups && <BackupStatus statuses={backups} locale={locale} />}
      <section aria-labelledby="dashboard-map" className="space-y-4">
        <h2 id="dashboard-map" className="text-xl font-semibold">{t("mapTitle")}</h2>
        <GraveSiteMap sites={mappedSites} locale={locale} />
      </section>
    </div>
  );
}

export default withStaffPageMessages("/staff", StaffDashboardPage);
