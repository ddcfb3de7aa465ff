import type { Locale } from "next-intl";
import { getTranslations } from "next-intl/server";
import type { ActionResult } from "@/lib/actions/result";
import type { CompleteFollowUpValues } from "@/lib/aftercare/aftercare-values";
import type { FamilyFollowUp } from "@/lib/aftercare/follow-ups";
import { formatDate } from "@/lib/i18n/format";
import { CompleteFollowUpForm } from "./follow-up-forms";

interface FollowUpsListProps {
  followUps: FamilyFollowUp[];
  locale: Locale;
  today: string;
  /** Present for those who may mark items done. */
  complete: ((values: CompleteFollowUpValues) => Promise<ActionResult<{ followUpId: string }>>) | null;
}

/** A family's questions and the office's promises: open ones by due date (overdue marked), then those done. */
export async function FollowUpsList({ followUps, locale, today, complete }: FollowUpsListProps) {
  const t = await getTranslations("Aftercare");
  if (followUps.length === 0) return <p className="text-muted">{t("followUpsNone")}</p>;
  const ordered = [...followUps.filter((item) => !item.doneOn), ...followUps.filter((item) => item.doneOn)];
  return (
    <ul className="space-y-2" data-testid="follow-ups">
      {ordered.map((item) => (
        <li key={item.id} className="space-y-1 rounded border border-line p-3" data-testid="follow-up" data-done={item.doneOn ? "true" : "false"}>
          <p className="text-sm text-muted">
            {t(`followUpKinds.${item.kind}`)} · {t("followUpDueLine", { date: formatDate(locale, item.dueOn) })}
            {!item.doneOn && item.dueOn < today && <strong className="text-red-800"> · {t("followUpOverdue")}</strong>}
            {item.doneOn && <> · {t("followUpDoneLine", { date: formatDate(locale, item.doneOn) })}</>}
          </p>
          <p dir="auto">{item.description}</p>
          {item.doneNote && <p dir="auto" className="text-sm">{item.doneNote}</p>}
          {!item.doneOn && complete && <CompleteFollowUpForm followUpId={item.id} version={item.version} action={complete} />}
        </li>
      ))}
    </ul>
  );
}
