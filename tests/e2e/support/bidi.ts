import type { Page } from "playwright-core";

/** One run of Latin text on a right-to-left page that is read wrongly unless isolated left-to-right. */
export interface BidiProblem {
  kind: string;
  text: string;
  problem: string;
  context: string;
}

/** Text typed by staff and shown as typed, where a date is just a word of the sentence. */
const FREE_TEXT = '[data-testid="report-narrative"]';

/**
 * Walks every visible text node of the page and reports each code, ISO date or time, IP address,
 * phone number or likelihood ratio ("× 10") that is not inside an element laid out left to right
 * and isolated from the Arabic around it (a `<bdi>`, or `dir="ltr"` with `unicode-bidi: isolate`),
 * and each code that may break across lines. Also reports block elements laid out left to right
 * whose text is pushed to the left edge of an Arabic page (the value alone should be isolated,
 * the block should follow the page).
 */
export function bidiProblems(page: Page): Promise<BidiProblem[]> {
  return page.evaluate((freeText) => {
    const isoDateOrTime = /\b\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?/g;
    const patterns: Array<[string, RegExp]> = [
      ["code", /TRH-[A-Z]+-[\w-]+/g],
      ["iso date", isoDateOrTime],
      ["ip address", /\b(?:\d{1,3}\.){3}\d{1,3}\b|(?:[0-9a-f]{0,4}:){2,7}(?:[0-9a-f]{1,4}|(?:\d{1,3}\.){3}\d{1,3})(?=[^0-9a-f:]|$)/gi],
      ["phone", /\+\d[\d -]{6,}\d/g],
      ["likelihood ratio", /\d(?:[.,]\d+)?\s*×\s*10\S*/g],
    ];
    const problems: BidiProblem[] = [];
    const isolates = (element: Element): boolean => {
      const style = getComputedStyle(element);
      const isolating = element.tagName === "BDI" || ["isolate", "isolate-override", "plaintext"].includes(style.unicodeBidi);
      return isolating && style.direction === "ltr";
    };
    const describe = (element: Element): string => {
      const id = element.getAttribute("data-testid");
      return `${element.tagName.toLowerCase()}${id ? `[data-testid=${id}]` : ""} in ${element.parentElement?.tagName.toLowerCase() ?? "?"}`;
    };
    const visible = (element: Element): boolean => element.getClientRects().length > 0 && getComputedStyle(element).visibility !== "hidden";
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
      const parent = node.parentElement;
      const text = node.textContent ?? "";
      if (parent === null || text.trim() === "") continue;
      if (parent.closest("script, style, template, noscript, textarea, option, [aria-hidden=true]") !== null || !visible(parent)) continue;
      // Machine records shown whole (the audit's JSON, its field-change list) are left-to-right blocks on purpose.
      if (parent.closest("pre, [data-ltr-block]") !== null) continue;
      // What a person typed (a report's narrative) is shown as typed: the app cannot tell its values apart.
      if (parent.closest(freeText) !== null) continue;
      // IPv6 ranges and times overlap; a match inside an ISO date/time is that date, not an address.
      const isoRuns = [...text.matchAll(isoDateOrTime)].map((match) => ({ start: match.index, end: match.index + match[0].length }));
      for (const [kind, pattern] of patterns) {
        for (const match of text.matchAll(pattern)) {
          if (kind === "ip address" && isoRuns.some(({ start, end }) => match.index >= start && match.index < end)) continue;
          if (kind === "ip address" && /^\d{1,2}:\d{2}(?::\d{2})?$/.test(match[0])) continue;
          let isolatingAncestor: Element | null = null;
          for (let element: Element | null = parent; element !== null && element !== document.body; element = element.parentElement) {
            if (isolates(element)) {
              isolatingAncestor = element;
              break;
            }
            // An element that sets its own direction ends the search: isolation outside it does not help.
            if (element.hasAttribute("dir")) break;
          }
          const context = `${describe(parent)}: "${text.trim().slice(0, 80)}"`;
          if (isolatingAncestor === null) problems.push({ kind, text: match[0], problem: "not isolated left-to-right", context });
          else if (isolatingAncestor.textContent !== null && isolatingAncestor.textContent.trim().length > match[0].length + 40) {
            // A whole paragraph in dir=ltr is not an isolated value: the Arabic around the value is reordered too.
            problems.push({ kind, text: match[0], problem: "isolated together with too much other text", context });
          }
          if (kind === "code") {
            const style = getComputedStyle(parent);
            const noWrap = style.textWrapMode === "nowrap" || ["nowrap", "pre"].includes(style.whiteSpace);
            if (!noWrap) problems.push({ kind, text: match[0], problem: "may break across lines", context });
          }
        }
      }
    }
    if (document.documentElement.dir === "rtl") {
      for (const element of document.querySelectorAll("main *")) {
        const style = getComputedStyle(element);
        if (style.direction !== "ltr" || style.display.startsWith("inline") || style.display === "contents" || !visible(element)) continue;
        if (element.closest("input, textarea, select, pre, code, svg, .leaflet-container, [data-ltr-block], [aria-hidden=true]") !== null) continue;
        if (element.parentElement !== null && getComputedStyle(element.parentElement).direction === "ltr") continue;
        const text = element.textContent?.trim() ?? "";
        if (text === "") continue;
        const range = document.createRange();
        range.selectNodeContents(element);
        const contentRight = range.getBoundingClientRect().right;
        const box = element.getBoundingClientRect();
        const paddingRight = Number.parseFloat(style.paddingRight) + Number.parseFloat(style.borderRightWidth);
        if (box.right - paddingRight - contentRight > 4) {
          problems.push({ kind: "block", text: text.slice(0, 40), problem: "left-to-right block pushed to the left of an Arabic page", context: describe(element) });
        }
      }
    }
    return problems;
  }, FREE_TEXT);
}
