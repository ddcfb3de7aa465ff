import { Suspense } from "react";
import type { Locale } from "next-intl";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { DossierLink } from "@/components/dossier/dossier-link";
import { CustodyForm } from "@/components/forensic/custody-form";
import { CustodyTimeline } from "@/components/forensic/custody-timeline";
import { RecordHistory } from "@/components/forensic/record-history";
import { RemainsDetails } from "@/components/forensic/remains-details";
import { RecordIdentifications } from "@/components/identifications/record-identifications";
import { SavedNotice, VoidedNotice } from "@/components/forensic/voided-notice";
import { VoidRecordForm } from "@/components/forensic/void-record-form";
import { requirePageRead } from "@/lib/auth/page-guard";
import { can } from "@/lib/auth/permissions";
import { getCustodyTimeline } from "@/lib/forensic/custody-queries";
import { dateToLibyanLocalTime } from "@/lib/forensic/dates";
import { getRecordHistory } from "@/lib/forensic/record-history";
import { REMAINS_ENTITY } from "@/lib/forensic/remains-records";
import { getRemainsRecord } from "@/lib/forensic/remains-queries";
import { formatDateTime } from "@/lib/i18n/format";
import { identificationsOfRemains } from "@/lib/identifications/queries";
import { Link } from "@/lib/i18n/navigation";
import { getDb } from "@/lib/server/database";
import { referencedIds, resolveRecordReferences } from "@/lib/audit/record-references";
import { recordCustodyEvent, voidRemains } from "../actions";
import { LtrText } from "@/components/layout/ltr-text";
import { RelatedBodiesSection } from "@/components/kinship/related-bodies";
import { readRelatedBodies } from "@/lib/dna-profiles/related-bodies";
import type { StaffSession } from "@/lib/auth/current-session";
import { AmPmRecordSummary } from "@/components/am-pm/record-summary";
import { NonDnaLeads } from "@/components/am-pm/non-dna-leads";
import { getPostmortemRecord, nonDnaLeadsForRemains } from "@/lib/am-pm/queries";
import { authoriseRead, readAccessIf } from "@/lib/auth/read-access";
import { EffectPhotosSection } from "@/components/belongings/effect-photos-section";
import { RecognitionLeads } from "@/components/belongings/recognition-leads";
import { photosOfRemains } from "@/lib/belongings/photo-reads";
import { recognitionsOfRemains } from "@/lib/belongings/recognitions";
import { withStaffPageMessages } from "@/components/i18n/staff-page-messages";

interface RemainsRecordPageProps {
  params: Promise<{ locale: Locale; remainsId: string }>;
  searchParams: Promise<{ saved?: string }>;
}

async function RemainsRecordPage({ params, searchParams }: RemainsRecordPageProps) {
  const { locale, remainsId } = await params;
  setRequestLocale(locale);
  const read = await requirePageRead(locale, "forensic.read");
  const { session } = read;
  const db = await getDb();
  const record = await getRemainsRecord(read, db, remainsId);
  if (!record) notFound();
  const [t, custody, events, history, { saved }] = await Promise.all([
    getTranslations("Remains"),
    getTranslations("Custody"),
    getCustodyTimeline(read, db, { remainsId: record.id }),
    getRecordHistory(read, db, REMAINS_ENTITY, record.id),
    searchParams,
  ]);
  const peopleRead = authoriseRead(session, "people.read");
  const [identificationRows, postmortem, nonDnaLeads] = await Promise.all([
    identificationsOfRemains(peopleRead, db, record.id),
    getPostmortemRecord(read, db, record.id),
    nonDnaLeadsForRemains(peopleRead, db, record.id),
  ]);
  const mayPropose = can(session.role, "identification.propose") && !record.voidedAt;
  const mayWrite = can(session.role, "forensic.write") && !record.voidedAt;
  const belongings = readAccessIf(session, "belongings.view");
  const [photos, leads] = belongings
    ? await Promise.all([photosOfRemains(belongings, db, record.id), recognitionsOfRemains(belongings, db, record.id)])
    : [null, []];
  const correctable = events.map((event) => ({ value: event.id, label: `${custody(`actions.${event.action}`)} · ${formatDateTime(locale, event.occurredAt)}` }));
  return (
    <article className="space-y-6">
      <header className="flex flex-wrap items-end justify-between gap-4">
        <h1 className="font-mono text-2xl font-semibold" data-testid="remains-heading">
          <LtrText>{record.code}</LtrText>
        </h1>
        {mayWrite && (
          <Link href={`/staff/remains/${record.id}/edit`} className="rounded border border-line px-4 py-2 font-medium" data-testid="edit-remains">
            {t("edit")}
          </Link>
        )}
        <DossierLink subject="remains" id={record.id} role={session.role} />
      </header>
      <SavedNotice saved={saved === "1"} />
      <VoidedNotice voidedAt={record.voidedAt} reason={record.voidReason} locale={locale} />
      <RemainsDetails record={record} locale={locale} />
      {photos && <EffectPhotosSection effects={record.effects} photos={photos} mayUpload={mayWrite} />}
      <RecognitionLeads leads={leads} locale={locale} side="body" />
      <RecordIdentifications
        rows={identificationRows}
        locale={locale}
        proposeHref={mayPropose ? `/staff/identifications/new?remains=${record.id}` : null}
        side="body"
      />
      {can(session.role, "dnaProfiles.use") && (
        <Suspense fallback={null}>
          <RelatedBodies session={session} remainsId={record.id} />
        </Suspense>
      )}
      <AmPmRecordSummary side="postmortem" record={postmortem} editHref={mayWrite ? `/staff/remains/${record.id}/postmortem` : null} />
      <NonDnaLeads side="body" ranking={nonDnaLeads} />
      <section className="space-y-4" aria-labelledby="custody-title">
        <h2 id="custody-title" className="text-lg font-semibold">
          {custody("title")}
        </h2>
        <p className="text-sm text-muted">{custody("intro")}</p>
        <CustodyTimeline events={events} locale={locale} />
        {mayWrite && (
          <div className="space-y-3 rounded border border-line p-4">
            <h3 className="font-semibold">{custody("recordTitle")}</h3>
            <CustodyForm action={recordCustodyEvent} subject={{ remainsId: record.id }} now={dateToLibyanLocalTime(new Date())} correctable={correctable} />
          </div>
        )}
      </section>
      {can(session.role, "record.void") && !record.voidedAt && <VoidRecordForm recordId={record.id} action={voidRemains} />}
      <RecordHistory entries={history} locale={locale} storedEntry={can(session.role, "audit.read")} entity={REMAINS_ENTITY} references={await resolveRecordReferences(session, db, referencedIds(history.map((entry) => ({ ...entry, entityId: null }))))} />
    </article>
  );
}

/** Comparing a body with every other profiled body takes a moment: it streams in after the record. */
async function RelatedBodies({ session, remainsId }: { session: StaffSession; remainsId: string }) {
  const outcome = await readRelatedBodies(authoriseRead(session, "dnaProfiles.use"), await getDb(), remainsId);
  return <RelatedBodiesSection outcome={outcome} />;
}

export default withStaffPageMessages("/staff/remains/[remainsId]", RemainsRecordPage);
