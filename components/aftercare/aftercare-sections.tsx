import type { Locale } from "next-intl";
import { getTranslations } from "next-intl/server";
import type { ActionResult } from "@/lib/actions/result";
import type { AddFollowUpValues, CompleteFollowUpValues, IssueDocumentValues, RemainsHandoverValues } from "@/lib/aftercare/aftercare-values";
import type { IssuedDocument } from "@/lib/aftercare/documents";
import type { FamilyFollowUp } from "@/lib/aftercare/follow-ups";
import type { RemainsHandoverRecord } from "@/lib/aftercare/handover";
import { DocumentsList } from "./documents-list";
import { AddFollowUpForm } from "./follow-up-forms";
import { FollowUpsList } from "./follow-ups-list";
import { HandoverForm } from "./handover-form";
import { HandoverRecord } from "./handover-record";
import { IssueDocumentForm } from "./issue-document-form";

export interface AftercareActions {
  recordHandover: (values: RemainsHandoverValues) => Promise<ActionResult<{ handoverId: string }>>;
  issueDocument: (values: IssueDocumentValues) => Promise<ActionResult<{ documentId: string; number: string }>>;
  addFollowUp: (values: AddFollowUpValues) => Promise<ActionResult<{ followUpId: string }>>;
  completeFollowUp: (values: CompleteFollowUpValues) => Promise<ActionResult<{ followUpId: string }>>;
}

interface AftercareSectionsProps {
  identificationId: string;
  locale: Locale;
  handover: RemainsHandoverRecord | null;
  effects: { id: string; kindLabel: string; description: string }[];
  documents: IssuedDocument[];
  followUps: FamilyFollowUp[];
  now: string;
  today: string;
  signedInName: string;
  scanOutcome: string | null;
  /** null for those who may only read (identification.notify is missing). */
  actions: AftercareActions | null;
  canOpenFiles: boolean;
}

/** What follows the family being told (issue 27 points 2–4): the handover, the letters and the follow-ups. */
export async function AftercareSections(props: AftercareSectionsProps) {
  const { identificationId, locale, handover, actions } = props;
  const t = await getTranslations("Aftercare");
  return (
    <>
      <section className="space-y-3" aria-labelledby="handover-title" data-testid="handover-section">
        <h2 id="handover-title" className="text-xl font-semibold">{t("handoverTitle")}</h2>
        {handover ? (
          <HandoverRecord handover={handover} identificationId={identificationId} locale={locale} scanOutcome={props.scanOutcome} canAttach={actions !== null} canOpenFiles={props.canOpenFiles} />
        ) : actions ? (
          <details className="rounded border border-line p-4">
            <summary className="cursor-pointer font-medium">{t("handoverAdd")}</summary>
            <p className="my-2 text-sm text-muted">{t("handoverIntro")}</p>
            <HandoverForm identificationId={identificationId} now={props.now} signedInName={props.signedInName} effects={props.effects} action={actions.recordHandover} />
          </details>
        ) : null}
      </section>
      <section className="space-y-3" aria-labelledby="documents-title">
        <h2 id="documents-title" className="text-xl font-semibold">{t("documentsTitle")}</h2>
        <DocumentsList documents={props.documents} locale={locale} canOpen={props.canOpenFiles} />
        {actions && <IssueDocumentForm identificationId={identificationId} action={actions.issueDocument} />}
      </section>
      <section className="space-y-3" aria-labelledby="follow-ups-title">
        <h2 id="follow-ups-title" className="text-xl font-semibold">{t("followUpsTitle")}</h2>
        <FollowUpsList followUps={props.followUps} locale={locale} today={props.today} complete={actions?.completeFollowUp ?? null} />
        {actions && <AddFollowUpForm identificationId={identificationId} today={props.today} action={actions.addFollowUp} />}
      </section>
    </>
  );
}
