import { formatNumber } from "./format";
import type { Locale } from "./routing";

/** Where the argument that opens at `start` ("{") closes. */
function closingBrace(template: string, start: number): number {
  let depth = 0;
  for (let index = start; index < template.length; index += 1) {
    if (template[index] === "{") depth += 1;
    else if (template[index] === "}" && --depth === 0) return index;
  }
  return template.length;
}

/** The branch of "one {…} other {…}" for a number: an exact "=n" first, then the language's plural form. */
function pluralBranch(branches: string, value: number, locale: Locale): string {
  const found = new Map<string, string>();
  for (let position = 0; ; ) {
    const selector = /^\s*([=\w]+)\s*\{/.exec(branches.slice(position));
    if (!selector?.[1]) break;
    const open = position + selector[0].length - 1;
    const close = closingBrace(branches, open);
    found.set(selector[1], branches.slice(open + 1, close));
    position = close + 1;
  }
  return found.get(`=${value}`) ?? found.get(new Intl.PluralRules(locale).select(value)) ?? found.get("other") ?? "";
}

/**
 * Fills a translated message's "{name}" and "{name, plural, …}" arguments (with "#" for the number)
 * where next-intl is not loaded: the public map's markers, built in the browser from templates the
 * server translated. Numbers are written as formatNumber writes them on the rest of the page.
 */
export function fillTemplate(template: string, values: Record<string, number>, locale: Locale): string {
  let result = "";
  for (let position = 0; position < template.length; ) {
    const open = template.indexOf("{", position);
    if (open < 0) return result + template.slice(position);
    const close = closingBrace(template, open);
    const [, name = "", kind, branches = ""] = /^\{(\w+)(?:\s*,\s*(plural)\s*,([\s\S]*))?\}$/.exec(template.slice(open, close + 1)) ?? [];
    const value = values[name];
    result += template.slice(position, open);
    if (value === undefined) result += template.slice(open, close + 1);
    else if (kind === "plural") result += fillTemplate(pluralBranch(branches, value, locale), values, locale).replaceAll("#", formatNumber(locale, value));
    else result += formatNumber(locale, value);
    position = close + 1;
  }
  return result;
}
