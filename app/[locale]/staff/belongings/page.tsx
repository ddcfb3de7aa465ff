import type { Locale } from "next-intl";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { CatalogueFilterForm } from "@/components/belongings/catalogue-filter-form";
import { CategoryGroups } from "@/components/belongings/category-groups";
import { PhotoThumbnails, staffPhotoSource } from "@/components/belongings/photo-thumbnails";
import { LtrText } from "@/components/layout/ltr-text";
import { requirePageRead } from "@/lib/auth/page-guard";
import { getStaffCatalogue } from "@/lib/belongings/catalogue";
import { readCatalogueFilters } from "@/lib/belongings/catalogue-filters";
import { Link } from "@/lib/i18n/navigation";
import { getDb } from "@/lib/server/database";
import { itemWords } from "@/components/belongings/item-words";
import { withStaffPageMessages } from "@/components/i18n/staff-page-messages";

interface CataloguePageProps {
  params: Promise<{ locale: Locale }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

/** The Book of Belongings for staff: every item of an unidentified body, with the body it came from. */
async function BelongingsCataloguePage({ params, searchParams }: CataloguePageProps) {
  const { locale } = await params;
  setRequestLocale(locale);
  const read = await requirePageRead(locale, "belongings.view");
  const filters = readCatalogueFilters(await searchParams);
  const [t, items] = await Promise.all([getTranslations("Belongings"), getStaffCatalogue(read, await getDb(), filters)]);
  return (
    <section className="space-y-6">
      <header className="flex flex-wrap items-end justify-between gap-4">
        <div className="space-y-2">
          <h1 className="text-2xl font-semibold">{t("catalogueTitle")}</h1>
          <p className="text-muted">{t("catalogueIntro")}</p>
        </div>
        <Link href="/staff/belongings/leads" className="rounded border border-line px-4 py-2 font-medium">
          {t("leads.queueTitle")}
        </Link>
      </header>
      <CatalogueFilterForm filters={filters} />
      <p role="status" className="font-medium" data-testid="catalogue-count">
        {t("itemsShown", { count: items.length })}
      </p>
      {items.length === 0 ? (
        <p className="text-muted">{t("catalogueEmpty")}</p>
      ) : (
        <CategoryGroups items={items} heading={(category, count) => t("categoryHeading", { category: t(`categories.${category}`), count })} listClassName="grid gap-4 sm:grid-cols-2 lg:grid-cols-3" testId="catalogue-items">
          {(item) => {
            const category = t(`categories.${item.category}`);
            return (
              <li key={item.effectId} className="space-y-2 rounded border border-line p-3" data-testid="catalogue-item">
                <p className="font-medium">{itemWords(t, item)}</p>
                <p>{item.description}</p>
                {item.photoIds.length > 0 ? <PhotoThumbnails photoIds={item.photoIds} alt={t("photoAlt", { category })} source={staffPhotoSource} /> : <p className="text-sm text-muted">{t("noPhoto")}</p>}
                <p className="text-sm">
                  {t("foundWith")}{" "}
                  <Link href={`/staff/remains/${item.remainsId}`} className="text-accent underline">
                    <LtrText>{item.remainsCode}</LtrText>
                  </Link>
                </p>
              </li>
            );
          }}
        </CategoryGroups>
      )}
    </section>
  );
}

export default withStaffPageMessages("/staff/belongings", BelongingsCataloguePage);
