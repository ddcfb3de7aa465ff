import type { Metadata } from "next";
import type { Locale } from "next-intl";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { cookies } from "next/headers";
import { notFound } from "next/navigation";
import { CategoryGroups } from "@/components/belongings/category-groups";
import { CatalogueFilterForm } from "@/components/belongings/catalogue-filter-form";
import { PhotoThumbnails } from "@/components/belongings/photo-thumbnails";
import { PortalViewing } from "@/components/belongings/portal-viewing";
import { inputClassName } from "@/components/forms/field";
import { fullArabicName } from "@/components/people/person-name";
import { readCatalogueFilters } from "@/lib/belongings/catalogue-filters";
import { portalCatalogue } from "@/lib/belongings/portal-catalogue";
import { recordPortalViewing } from "@/lib/belongings/portal-viewing-audit";
import { currentRequestMetadata } from "@/lib/auth/request-metadata";
import { readFamilySession } from "@/lib/family-portal/session";
import { FAMILY_SESSION_COOKIE } from "@/lib/family-portal/session-token";
import { redirect } from "@/lib/i18n/navigation";
import { getDb } from "@/lib/server/database";
import { itemWords } from "@/components/belongings/item-words";

interface PortalCataloguePageProps {
  params: Promise<{ locale: Locale }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

export async function generateMetadata({ params }: PortalCataloguePageProps): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "Belongings" });
  return { title: t("portal.title"), robots: { index: false } };
}

/**
 * Remote viewing: the Book of Belongings in the family portal, only for a signed-in family whose
 * remote viewing staff have switched on. "I think I recognise this" is a plain form (no script
 * needed on a cheap phone) that sends a lead to the office.
 */
export default async function PortalCataloguePage({ params, searchParams }: PortalCataloguePageProps) {
  const { locale } = await params;
  setRequestLocale(locale);
  const db = await getDb();
  const session = await cookies().then((jar) => readFamilySession(db, jar.get(FAMILY_SESSION_COOKIE)?.value));
  if (!session) return redirect({ href: "/family", locale });
  const query = await searchParams;
  const filters = readCatalogueFilters(query);
  const catalogue = await portalCatalogue(db, session.familyId, filters);
  if (!catalogue) notFound();
  await recordPortalViewing(db, session, { filters, items: catalogue.items.length }, await currentRequestMetadata());
  const t = await getTranslations("Belongings");
  const labels = {
    warningTitle: t("viewing.warningTitle"),
    warning: t("portal.warning"),
    continue: t("portal.continue"),
    pause: t("viewing.pause"),
    resume: t("viewing.resume"),
    paused: t("viewing.paused"),
    fullScreen: t("viewing.fullScreen"),
  };
  const photoSource = (photoId: string, size: "thumbnail" | "web") => `/${locale}/family/belongings/photos/${photoId}/${size}`;
  return (
    <section className="mx-auto max-w-3xl space-y-4 text-lg">
      <h1 className="text-2xl font-semibold">{t("portal.title")}</h1>
      {query.sent === "1" && (
        <p role="status" className="rounded bg-accent-soft px-3 py-2" data-testid="recognition-sent">
          {t("portal.sent")}
        </p>
      )}
      <CatalogueFilterForm filters={filters} keep={{ seen: "1" }} />
      <PortalViewing labels={labels} skipWarning={query.seen === "1"}>
        {catalogue.items.length === 0 && <p>{t("catalogueEmpty")}</p>}
        <CategoryGroups items={catalogue.items} heading={(category, count) => t("categoryHeading", { category: t(`categories.${category}`), count })} listClassName="space-y-4" testId="portal-items">
          {(item) => {
            const category = t(`categories.${item.category}`);
            return (
              <li key={item.effectId} className="space-y-2 rounded border border-line p-3" data-testid="portal-item">
                <p className="font-medium">{itemWords(t, item)}</p>
                <p>{item.description}</p>
                {item.photoIds.length > 0 && <PhotoThumbnails photoIds={item.photoIds} alt={t("photoAlt", { category })} source={photoSource} />}
                <details>
                  <summary className="cursor-pointer font-medium text-accent">{t("portal.recognise")}</summary>
                  <form method="post" action={`/${locale}/family/belongings/recognise`} className="mt-2 space-y-2">
                    <input type="hidden" name="effectId" value={item.effectId} />
                    <label className="block space-y-1">
                      <span className="block font-medium">{t("portal.person")}</span>
                      <select name="missingPersonId" className={inputClassName} required>
                        {catalogue.persons.map((person) => (
                          <option key={person.id} value={person.id}>
                            {fullArabicName(person)}
                          </option>
                        ))}
                      </select>
                    </label>
                    <label className="block space-y-1">
                      <span className="block font-medium">{t("portal.who")}</span>
                      <input name="recognisedBy" required maxLength={200} className={inputClassName} dir="auto" />
                    </label>
                    <label className="block space-y-1">
                      <span className="block font-medium">{t("portal.words")}</span>
                      <textarea name="words" maxLength={2000} className={inputClassName} dir="auto" />
                    </label>
                    <button type="submit" className="rounded bg-accent px-4 py-2 font-medium text-white">
                      {t("portal.send")}
                    </button>
                  </form>
                </details>
              </li>
            );
          }}
        </CategoryGroups>
      </PortalViewing>
    </section>
  );
}
