import type { Locale } from "next-intl";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { PostmortemForm } from "@/components/am-pm/postmortem-form";
import { postmortemFormValues } from "@/lib/am-pm/form-values";
import { getPostmortemRecord } from "@/lib/am-pm/queries";
import { requirePagePermission } from "@/lib/auth/page-guard";
import { authoriseRead } from "@/lib/auth/read-access";
import { getRemainsRecord } from "@/lib/forensic/remains-queries";
import { getDb } from "@/lib/server/database";
import { savePostmortem } from "../../actions";
import { withStaffPageMessages } from "@/components/i18n/staff-page-messages";

async function PostmortemPage({ params }: { params: Promise<{ locale: Locale; remainsId: string }> }) {
  const { locale, remainsId } = await params;
  setRequestLocale(locale);
  const read = authoriseRead(await requirePagePermission(locale, "forensic.write"), "forensic.read");
  const db = await getDb();
  const [t, body, record] = await Promise.all([getTranslations("AmPm"), getRemainsRecord(read, db, remainsId), getPostmortemRecord(read, db, remainsId)]);
  if (!body || body.voidedAt) notFound();
  return (
    <section className="mx-auto max-w-4xl space-y-6">
      <h1 className="text-2xl font-semibold">{t("postmortemEditTitle", { code: body.code })}</h1>
      <p className="text-muted">{t("postmortemIntro")}</p>
      <PostmortemForm action={savePostmortem} values={postmortemFormValues(remainsId, record)} />
    </section>
  );
}

export default withStaffPageMessages("/staff/remains/[remainsId]/postmortem", PostmortemPage);
