import type { getTranslations } from "next-intl/server";
import type { BelongingItem, MarkItem, MedicalItem, ToothItem } from "@/lib/am-pm/schemas";

type AmPmTranslator = Awaited<ReturnType<typeof getTranslations<"AmPm">>>;
type BelongingsTranslator = Awaited<ReturnType<typeof getTranslations<"Belongings">>>;

interface Lists {
  marks: MarkItem[];
  teeth: ToothItem[];
  dentalNotes: string;
  medical: MedicalItem[];
  belongings: BelongingItem[];
  notes: string;
}

const withDescription = (words: string, description: string) => (description ? `${words} (${description})` : words);

/** A record's structured lists as label/text pairs, every value in words of the page's language. */
export function recordItemLines(record: Lists, t: AmPmTranslator, belongings: BelongingsTranslator): [string, string][] {
  const none = t("noneRecorded");
  const joined = (items: string[]) => (items.length === 0 ? none : items.join(t("listSeparator")));
  return [
    [t("marks"), joined(record.marks.map((mark) => withDescription(`${t(`markTypes.${mark.type}`)} · ${t(`regions.${mark.region}`)}`, mark.description)))],
    [t("teeth"), joined(record.teeth.map((tooth) => `${tooth.tooth}: ${t(`toothConditions.${tooth.condition}`)}`))],
    [t("dentalNotes"), record.dentalNotes || none],
    [t("medical"), joined(record.medical.map((finding) => withDescription(`${t(`findingKinds.${finding.kind}`)} · ${t(`regions.${finding.region}`)}`, finding.description)))],
    [
      t("belongings"),
      joined(
        record.belongings.map((item) =>
          withDescription(`${belongings(`categories.${item.category}`)} · ${belongings(`colours.${item.colour}`)} · ${belongings(`materials.${item.material}`)}`, item.description),
        ),
      ),
    ],
    [t("notes"), record.notes || none],
  ];
}
