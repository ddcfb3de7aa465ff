import { Suspense } from "react";
import type { Locale } from "next-intl";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { notFound } from "next/navigation";
import { DonorForm } from "@/components/people/donor-form";
import { FamilyDonors } from "@/components/people/family-donors";
import { FamilyInconsistencies } from "@/components/people/family-inconsistencies";
import { NewMissingPersonForm } from "@/components/people/new-missing-person-form";
import { fullArabicName } from "@/components/people/person-name";
import { PeopleVoidedNotice } from "@/components/people/voided-notice";
import { requirePageRead } from "@/lib/auth/page-guard";
import { can } from "@/lib/auth/permissions";
import { Link } from "@/lib/i18n/navigation";
import { getFamilyReferenceConsistency } from "@/lib/dna-profiles/screening-data";
import { getFamilyDetails } from "@/lib/people/family-queries";
import { getDb } from "@/lib/server/database";
import { createMissingPerson } from "../../persons/actions";
import { collectSample } from "../../samples/actions";
import { addReferenceDonor } from "../actions";
import { AccessCodeSection } from "./access-code-section";
import { recordPageRead } from "@/lib/audit/record-read";
import { LtrText } from "@/components/layout/ltr-text";
import { readAccessIf, type ReadAccess } from "@/lib/auth/read-access";
import { FamilySamplingAdviceSection } from "@/components/kinship/family-sampling-advice";
import { readFamilySamplingAdvice } from "@/lib/dna-profiles/family-sampling-advice";
import { FamilyBelongingsSection } from "@/components/belongings/family-belongings-section";
import { familyRemoteViewing } from "@/lib/belongings/recognitions";
import { openViewing, setRemoteViewing } from "../../belongings/actions";
import { withStaffPageMessages } from "@/components/i18n/staff-page-messages";

async function FamilyPage({ params }: { params: Promise<{ locale: Locale; familyId: string }> }) {
  const { locale, familyId } = await params;
  setRequestLocale(locale);
  const read = await requirePageRead(locale, "people.read");
  const { session } = read;
  const db = await getDb();
  const [t, tPedigree, family, inconsistencies] = await Promise.all([
    getTranslations("People"),
    getTranslations("Pedigree"),
    getFamilyDetails(read, db, familyId),
    getFamilyReferenceConsistency(read, db, familyId),
  ]);
  if (!family) notFound();
  await recordPageRead(session, "family", [family.id]);
  // A voided family is only read: its page says when and why it was voided.
  const accessCodes = readAccessIf(session, "familyAccessCode.issue");
  const profiles = readAccessIf(session, "dnaProfiles.use");
  const canWrite = can(session.role, "people.write") && !family.voidedAt;
  const remoteViewing = await familyRemoteViewing(read, db, family.id);
  const members = family.members.map((member) => ({ id: member.id, name: fullArabicName(member) }));
  return (
    <section className="space-y-8">
      <header className="space-y-2">
        <Link href="/staff/families" className="text-sm text-accent underline">{t("familiesTitle")}</Link>
        <h1 className="text-2xl font-semibold" data-testid="family-reference"><LtrText>{family.reference}</LtrText></h1>
        {canWrite && (
          <Link href={`/staff/families/${family.id}/edit`} className="text-accent underline" data-testid="edit-family">{t("edit")}</Link>
        )}
        <p>
          <Link href={`/staff/families/${family.id}/pedigree`} className="text-accent underline" data-testid="family-pedigree-link">{tPedigree("familyLink")}</Link>
        </p>
        <PeopleVoidedNotice voidedAt={family.voidedAt} reason={family.voidReason} locale={locale} />
        <dl className="grid gap-x-6 gap-y-1 sm:grid-cols-[max-content_1fr]">
          <dt className="text-muted">{t("contactName")}</dt><dd>{family.contactName}</dd>
          <dt className="text-muted">{t("phone")}</dt><dd>{family.phone === null ? t("hidden") : <LtrText>{family.phone}</LtrText>}</dd>
          <dt className="text-muted">{t("area")}</dt><dd>{family.area ?? t("hidden")}</dd>
        </dl>
      </header>
      {canWrite && <FamilyBelongingsSection familyId={family.id} remoteViewing={remoteViewing} openViewing={openViewing} setRemoteViewing={setRemoteViewing} />}
      <section className="space-y-3">
        <h2 className="text-xl font-semibold">{t("familyMissingPersons")}</h2>
        {family.members.length === 0 && <p className="text-muted">{t("noMissingPersons")}</p>}
        <ul className="space-y-1" data-testid="family-members">
          {family.members.map((member) => (
            <li key={member.id}>
              <Link href={`/staff/persons/${member.id}`} className="text-accent underline"><LtrText>{member.caseNumber}</LtrText> — {fullArabicName(member)}</Link>
            </li>
          ))}
        </ul>
        {canWrite && (
          <details className="rounded border border-line p-4">
            <summary className="cursor-pointer font-medium text-accent">{t("addMissingPerson")}</summary>
            <NewMissingPersonForm action={createMissingPerson} familyId={family.id} />
          </details>
        )}
      </section>
      <FamilyInconsistencies inconsistencies={inconsistencies} />
      <section className="space-y-3">
        <h2 className="text-xl font-semibold">{t("donors")}</h2>
        <FamilyDonors donors={family.donors} collect={canWrite ? collectSample : null} collectorName={session.displayName} canPrint={can(session.role, "personalData.export")} />
        {canWrite && members.length > 0 && (
          <details className="rounded border border-line p-4">
            <summary className="cursor-pointer font-medium text-accent">{t("addDonor")}</summary>
            {/* Keyed by the members, so a person added since the form opened gets a relationship row. */}
            <DonorForm key={members.map((member) => member.id).join()} action={addReferenceDonor} familyId={family.id} members={members} />
          </details>
        )}
      </section>
      {profiles && !family.voidedAt && (
        <Suspense fallback={null}>
          <SamplingAdvice access={profiles} familyId={family.id} locale={locale} />
        </Suspense>
      )}
      {accessCodes && !family.voidedAt && <AccessCodeSection access={accessCodes} familyId={family.id} locale={locale} />}
    </section>
  );
}

/** The stored advice of the sampling refresh (never simulated here): it streams in after the family's record. */
async function SamplingAdvice({ access, familyId, locale }: { access: ReadAccess<"dnaProfiles.use">; familyId: string; locale: Locale }) {
  return <FamilySamplingAdviceSection advice={await readFamilySamplingAdvice(access, await getDb(), familyId)} locale={locale} />;
}

export default withStaffPageMessages("/staff/families/[familyId]", FamilyPage);
