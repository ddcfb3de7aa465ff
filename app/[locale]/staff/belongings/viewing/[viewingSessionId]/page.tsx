import type { Locale } from "next-intl";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { CatalogueFilterForm } from "@/components/belongings/catalogue-filter-form";
import { OfficeViewing } from "@/components/belongings/office-viewing";
import { EndViewingButton } from "@/components/belongings/viewing-switches";
import { requirePagePermission } from "@/lib/auth/page-guard";
import { authoriseRead } from "@/lib/auth/read-access";
import { getViewingCatalogue } from "@/lib/belongings/catalogue";
import { readCatalogueFilters } from "@/lib/belongings/catalogue-filters";
import { getViewingSession } from "@/lib/belongings/recognitions";
import { recordPageRead } from "@/lib/audit/record-read";
import { getDb } from "@/lib/server/database";
import { closeViewing, recordRecognition } from "../../actions";
import { withStaffPageMessages } from "@/components/i18n/staff-page-messages";

interface ViewingPageProps {
  params: Promise<{ locale: Locale; viewingSessionId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

/**
 * A supervised viewing at the office: the registrar hands the tablet to the family. Nothing on this
 * page names a site, a body or a date; only the registrar's recognition form asks for anything.
 */
async function ViewingSessionPage({ params, searchParams }: ViewingPageProps) {
  const { locale, viewingSessionId } = await params;
  setRequestLocale(locale);
  const session = await requirePagePermission(locale, "people.write");
  const read = authoriseRead(session, "belongings.view");
  const db = await getDb();
  const viewing = await getViewingSession(read, db, viewingSessionId);
  if (!viewing) notFound();
  // The page names the family's missing relatives: a read of the family's personal data.
  await recordPageRead(session, "family", [viewing.familyId]);
  const query = await searchParams;
  const filters = readCatalogueFilters(query);
  const [t, items] = await Promise.all([getTranslations("Belongings"), getViewingCatalogue(read, db, filters)]);
  return (
    <section className="space-y-4">
      <header className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold">{t("viewing.title")}</h1>
          <p className="text-muted">{t("viewing.family", { reference: viewing.reference })}</p>
        </div>
        {!viewing.closedAt && <EndViewingButton viewingSessionId={viewing.id} familyId={viewing.familyId} close={closeViewing} />}
      </header>
      {viewing.closedAt ? (
        <p role="status">{t("viewing.ended")}</p>
      ) : (
        <>
          <CatalogueFilterForm filters={filters} keep={{ seen: "1" }} />
          <OfficeViewing viewingSessionId={viewing.id} items={items} persons={viewing.persons} skipWarning={query.seen === "1"} recordRecognition={recordRecognition} />
        </>
      )}
    </section>
  );
}

export default withStaffPageMessages("/staff/belongings/viewing/[viewingSessionId]", ViewingSessionPage);
