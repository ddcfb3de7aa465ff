import arabic from "@/lib/i18n/messages/ar";
import english from "@/lib/i18n/messages/en";
import { fillTemplate } from "@/lib/i18n/fill-template";
import type { Locale } from "@/lib/i18n/routing";
import type { PresentedChange, PresentedElementChange, PresentedValue } from "./field-presentation";

/**
 * An audited change as plain text, for a spreadsheet cell (issue 24, item 2): the same words as the
 * viewer, a list's elements one per line ("أُضيف: مفتاح سيارة (معدن)"), records by the labels the
 * reader may see (`labels`, by id; the others stay ids).
 */
export function presentedValueText(value: PresentedValue, labels: ReadonlyMap<string, string>, language: Locale): string {
  const messages = language === "ar" ? arabic : english;
  const separator = language === "ar" ? "، " : ", ";
  switch (value.kind) {
    case "none":
      return messages.Audit.table.absent;
    case "record":
      return labels.get(value.id) ?? value.id;
    case "list":
      return value.items.map((item) => presentedValueText(item, labels, language)).join(language === "ar" ? "؛ " : "; ");
    case "parts":
      return value.parts.map((part) => presentedValueText(part, labels, language)).join(" · ");
    case "fields":
      return value.fields.map((field) => `${field.label}: ${presentedValueText(field.value, labels, language)}`).join(separator);
    default:
      return value.text;
  }
}

function elementLine(element: PresentedElementChange, labels: ReadonlyMap<string, string>, language: Locale): string {
  const table = (language === "ar" ? arabic : english).Audit.table;
  const verb = element.change === "changed" ? table.changedElement : table[element.change];
  const named = `${verb}: ${presentedValueText(element.element, labels, language)}`;
  if (element.change !== "changed" || element.fields.length === 0) return named;
  return `${named} (${element.fields.map((field) => presentedChangeText(field, labels, language)).join(language === "ar" ? "، " : ", ")})`;
}

/** "صلات القرابة: عُدِّل عنصر واحد\n  عُدِّل: الأخت · TRH-MP-00012 (صلة القرابة: الأم ← الأخت)". */
export function presentedChangeText(change: PresentedChange, labels: ReadonlyMap<string, string>, language: Locale): string {
  const table = (language === "ar" ? arabic : english).Audit.table;
  if (change.elements && change.elements.length > 0) {
    const elements = change.elements;
    const counts = (["added", "removed", "changed"] as const)
      .map((kind) => [kind, elements.filter((element) => element.change === kind).length] as const)
      .filter(([, count]) => count > 0)
      .map(([kind, count]) => fillTemplate(table[`${kind}Count`], { count }, language))
      .join(language === "ar" ? "، " : ", ");
    return [`${change.label}: ${counts}`, ...elements.map((element) => `  ${elementLine(element, labels, language)}`)].join("\n");
  }
  const arrow = language === "ar" ? " ← " : " → ";
  return `${change.label}: ${presentedValueText(change.before, labels, language)}${arrow}${presentedValueText(change.after, labels, language)}`;
}
