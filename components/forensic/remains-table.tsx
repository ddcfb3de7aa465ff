import type { Locale } from "next-intl";
import { TableHead } from "./table-head";
import { getTranslations } from "next-intl/server";
import type { ListedEffect, RemainsListEntry } from "@/lib/forensic/remains-list";
import { formatDate } from "@/lib/i18n/format";
import { Link } from "@/lib/i18n/navigation";
import { LtrText } from "@/components/layout/ltr-text";
import { ScrollTable } from "@/components/layout/scroll-table";

export async function RemainsTable({ rows, locale }: { rows: RemainsListEntry[]; locale: Locale }) {
  const [t, forensic] = await Promise.all([getTranslations("Remains"), getTranslations("Forensic")]);
  if (rows.length === 0) return <p className="text-muted">{t("empty")}</p>;
  const headings = [t("code"), t("site"), t("recoveredOn"), t("estimatedSex"), t("ageRange"), t("condition"), t("effectsCount")];
  return (
    <ScrollTable label={t("title")}>
      <table className="w-full text-sm" data-testid="remains-table">
        <TableHead headings={headings} />
        <tbody>
          {rows.map((row) => (
            <tr key={row.id} className="border-b border-line">
              <td className="px-2 py-2 font-mono">
                <Link href={`/staff/remains/${row.id}`} className="text-accent underline">
                  <LtrText>{row.code}</LtrText>
                </Link>
              </td>
              <td className="px-2 py-2 font-mono"><LtrText>{row.siteCode}</LtrText></td>
              <td className="px-2 py-2">{formatDate(locale, row.recoveredOn)}</td>
              <td className="px-2 py-2">{forensic(`sexes.${row.estimatedSex}`)}</td>
              <td className="px-2 py-2"><LtrText>{row.ageMin === null && row.ageMax === null ? "—" : `${row.ageMin ?? "?"}–${row.ageMax ?? "?"}`}</LtrText></td>
              <td className="px-2 py-2">{forensic(`conditions.${row.condition}`)}</td>
              <td className="px-2 py-2" data-testid="remains-effects">
                <ListedEffects effects={row.effects} total={row.effectsCount} kindLabel={(kind) => forensic(`effectKinds.${kind}`)} more={(count) => t("effectsMore", { count })} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollTable>
  );
}

interface ListedEffectsProps {
  effects: ListedEffect[];
  total: number;
  kindLabel: (kind: ListedEffect["kind"]) => string;
  more: (count: number) => string;
}

/** The first effects of a body by kind and the start of their description: a lead seen without opening the record. */
function ListedEffects({ effects, total, kindLabel, more }: ListedEffectsProps) {
  if (effects.length === 0) return <span aria-hidden="true">—</span>;
  return (
    <ul className="max-w-xs space-y-0.5">
      {effects.map((effect, index) => (
        <li key={index} className="truncate">
          <span className="font-medium">{kindLabel(effect.kind)}</span>: <span dir="auto">{effect.description}{effect.shortened ? "…" : ""}</span>
        </li>
      ))}
      {total > effects.length && <li className="text-muted">{more(total - effects.length)}</li>}
    </ul>
  );
}
