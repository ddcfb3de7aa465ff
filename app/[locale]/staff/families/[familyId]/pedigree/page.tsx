import type { Locale } from "next-intl";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { notFound } from "next/navigation";
import { LtrText } from "@/components/layout/ltr-text";
import { PedigreeChart } from "@/components/pedigree/pedigree-chart";
import { CreatePedigreeButton, PedigreeEditor } from "@/components/pedigree/pedigree-editor";
import { personLabel } from "@/components/pedigree/person-label";
import { PedigreeWarnings } from "@/components/pedigree/pedigree-warnings";
import { recordPageRead } from "@/lib/audit/record-read";
import { requirePageRead } from "@/lib/auth/page-guard";
import { can } from "@/lib/auth/permissions";
import { Link } from "@/lib/i18n/navigation";
import { readPedigreeView } from "@/lib/pedigrees/pedigree-view";
import { getDb } from "@/lib/server/database";
import { addPersonToPedigree, createPedigree, removePersonFromPedigree, updatePedigreePerson } from "./actions";
import { withStaffPageMessages } from "@/components/i18n/staff-page-messages";

/** A family's pedigree: drawn, listed in words, and edited by the registrars. */
async function FamilyPedigreePage({ params }: { params: Promise<{ locale: Locale; familyId: string }> }) {
  const { locale, familyId } = await params;
  setRequestLocale(locale);
  const read = await requirePageRead(locale, "people.read");
  const [t, view] = await Promise.all([getTranslations("Pedigree"), readPedigreeView(read, await getDb(), familyId)]);
  if (!view) notFound();
  await recordPageRead(read.session, "family", [view.familyId]);
  const canEdit = can(read.session.role, "people.write") && !view.voided;
  const persons = view.persons.map((person) => ({ ...person, display: personLabel(person, view.persons, t), label: person.kind === "untyped" ? person.name : "" }));
  return (
    <section className="space-y-6">
      <header className="space-y-2">
        <Link href={`/staff/families/${view.familyId}`} className="text-sm text-accent underline">{t("backToFamily")}</Link>
        <h1 className="text-2xl font-semibold">
          {t("title")} — <LtrText>{view.reference}</LtrText>
        </h1>
        <p className="text-muted">{view.stored ? t("storedNote", { version: view.version }) : t("fromLabelsNote")}</p>
      </header>
      {view.problem && (
        <p role="alert" className="rounded border border-red-300 bg-red-50 p-3 text-red-900" data-testid="pedigree-problem">
          {t(`errors.${view.problem.fault}`)}
        </p>
      )}
      <PedigreeWarnings warnings={view.warnings} />
      {persons.length === 0 ? <p className="text-muted">{t("empty")}</p> : <PedigreeChart persons={view.persons} />}
      {canEdit && !view.stored && <CreatePedigreeButton familyId={view.familyId} create={createPedigree} />}
      {canEdit && view.stored && (
        <PedigreeEditor
          familyId={view.familyId}
          version={view.version}
          persons={persons}
          unplaced={view.unplaced}
          add={addPersonToPedigree}
          update={updatePedigreePerson}
          remove={removePersonFromPedigree}
        />
      )}
      {view.stored && view.unplaced.length > 0 && (
        <section className="space-y-2" aria-labelledby="pedigree-unplaced-title">
          <h2 id="pedigree-unplaced-title" className="font-semibold">{t("unplacedTitle")}</h2>
          <ul className="list-disc ps-6" data-testid="pedigree-unplaced">
            {view.unplaced.map((record) => <li key={record.id}>{record.name}</li>)}
          </ul>
        </section>
      )}
    </section>
  );
}

export default withStaffPageMessages("/staff/families/[familyId]/pedigree", FamilyPedigreePage);
