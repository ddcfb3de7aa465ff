import type { Locale } from "next-intl";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { EditRemainsForm } from "@/components/forensic/remains-form";
import { requirePagePermission } from "@/lib/auth/page-guard";
import { getRemainsRecord } from "@/lib/forensic/remains-queries";
import { getDb } from "@/lib/server/database";
import { updateRemains } from "../../actions";
import { authoriseRead } from "@/lib/auth/read-access";
import { withStaffPageMessages } from "@/components/i18n/staff-page-messages";

async function EditRemainsPage({ params }: { params: Promise<{ locale: Locale; remainsId: string }> }) {
  const { locale, remainsId } = await params;
  setRequestLocale(locale);
  const read = authoriseRead(await requirePagePermission(locale, "forensic.write"), "forensic.read");
  const [t, record] = await Promise.all([getTranslations("Remains"), getDb().then((db) => getRemainsRecord(read, db, remainsId))]);
  if (!record || record.voidedAt) notFound();
  const values = {
    remainsId: record.id,
    version: record.version,
    code: record.code,
    recoveredOn: record.recoveredOn,
    estimatedSex: record.estimatedSex,
    ageMin: record.ageMin,
    ageMax: record.ageMax,
    condition: record.condition,
    storageLocation: record.storageLocation,
    notes: record.notes,
    effects: record.effects.map((effect) => ({
      effectId: effect.id,
      kind: effect.kind,
      description: effect.description,
      category: effect.category,
      colour: effect.colour ?? "unknown",
      material: effect.material ?? "unknown",
    })),
  };
  return (
    <section className="mx-auto max-w-3xl space-y-6">
      <h1 className="text-2xl font-semibold">{t("editTitle", { code: record.code })}</h1>
      <EditRemainsForm action={updateRemains} remains={values} />
    </section>
  );
}

export default withStaffPageMessages("/staff/remains/[remainsId]/edit", EditRemainsPage);
