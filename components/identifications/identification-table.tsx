import type { Locale } from "next-intl";
import { getTranslations } from "next-intl/server";
import { TableHead } from "@/components/forensic/table-head";
import { fullArabicName } from "@/components/people/person-name";
import { formatDate } from "@/lib/i18n/format";
import { Link } from "@/lib/i18n/navigation";
import type { IdentificationSummary } from "@/lib/identifications/queries";
import { LtrText } from "@/components/layout/ltr-text";
import { ScrollTable } from "@/components/layout/scroll-table";

/** Identifications with both sides, their stage and basis; each row opens the identification. */
export async function IdentificationTable({ rows, locale, testId = "identification-table" }: { rows: IdentificationSummary[]; locale: Locale; testId?: string }) {
  const t = await getTranslations("Identifications");
  if (rows.length === 0) return <p className="text-muted">{t("empty")}</p>;
  const headings = [t("columns.remains"), t("columns.person"), t("columns.status"), t("columns.basis"), t("columns.proposedAt")];
  return (
    <ScrollTable label={t("title")}>
      <table className="w-full text-sm" data-testid={testId}>
        <TableHead headings={headings} />
        <tbody>
          {rows.map((row) => (
            <tr key={row.id} className="border-b border-line">
              <td className="px-2 py-2 font-mono">
                <Link href={`/staff/identifications/${row.id}`} className="text-accent underline"><LtrText>{row.remainsCode}</LtrText></Link>
              </td>
              <td className="px-2 py-2">
                <LtrText>{row.caseNumber}</LtrText> — {fullArabicName(row)}
              </td>
              <td className="px-2 py-2" data-testid="identification-status">{t(`statuses.${row.status}`)}</td>
              <td className="px-2 py-2">{row.basis.map((basis) => t(`bases.${basis}`)).join("، ")}</td>
              <td className="px-2 py-2">{formatDate(locale, row.proposedAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollTable>
  );
}
