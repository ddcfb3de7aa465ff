import { getTranslations } from "next-intl/server";
import { Link } from "@/lib/i18n/navigation";

interface ListPaginationProps {
  pathname: "/staff/families" | "/staff/reports";
  /** The address of the list's filters, kept on every page. */
  query: Record<string, string>;
  nextCursor: string | null;
  previousCursor: string | null;
}

/** First, previous and next page of a keyset list; the filters stay in the address. */
export async function ListPagination({ pathname, query, nextCursor, previousCursor }: ListPaginationProps) {
  const t = await getTranslations("PeopleEdits");
  if (!nextCursor && !previousCursor) return null;
  return (
    <nav className="flex flex-wrap gap-4" aria-label={t("pages")} data-testid="list-pagination">
      {previousCursor && (
        <>
          <Link href={{ pathname, query }} className="text-accent underline">{t("firstPage")}</Link>
          <Link href={{ pathname, query: { ...query, before: previousCursor } }} className="text-accent underline" rel="prev" data-testid="previous-page">
            {t("previousPage")}
          </Link>
        </>
      )}
      {nextCursor && (
        <Link href={{ pathname, query: { ...query, after: nextCursor } }} className="text-accent underline" rel="next" data-testid="next-page">
          {t("nextPage")}
        </Link>
      )}
    </nav>
  );
}
