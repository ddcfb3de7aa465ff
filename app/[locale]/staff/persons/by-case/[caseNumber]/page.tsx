import type { Locale } from "next-intl";
import { notFound } from "next/navigation";
import { requirePageRead } from "@/lib/auth/page-guard";
import { redirect } from "@/lib/i18n/navigation";
import { resolveCaseNumber } from "@/lib/people/person-queries";
import { getDb } from "@/lib/server/database";
import { withStaffPageMessages } from "@/components/i18n/staff-page-messages";

/** A case number, old or current, leads to the record it stands for today (a merged one to its survivor). */
async function CaseNumberPage({ params }: { params: Promise<{ locale: Locale; caseNumber: string }> }) {
  const { locale, caseNumber } = await params;
  const read = await requirePageRead(locale, "people.read");
  const missingPersonId = await resolveCaseNumber(read, await getDb(), decodeURIComponent(caseNumber));
  if (!missingPersonId) notFound();
  return redirect({ href: `/staff/persons/${missingPersonId}`, locale });
}

export default withStaffPageMessages("/staff/persons/by-case/[caseNumber]", CaseNumberPage);
