import { createElement, Fragment, type ReactNode } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, test } from "vitest";
import { withIsolatedValues } from "@/components/layout/ltr-text";

function markup(node: ReactNode): string {
  return renderToStaticMarkup(createElement(Fragment, null, node));
}

/** A stand-in for next-intl's `t`: fills ICU-style {placeholders}. */
function fill(message: string) {
  return (values: Record<string, string>) => message.replace(/\{(\w+)\}/g, (_, name: string) => values[name] ?? `{${name}}`);
}

describe("withIsolatedValues", () => {
  test("sets each value of a translated sentence in its own left-to-right isolate, in the message's order", () => {
    const sentence = withIsolatedValues(fill("تأكيد أن الرفات {code} هي {caseNumber}؟"), { caseNumber: "TRH-MP-00310", code: "TRH-GS-04-B012" });
    expect(markup(sentence)).toBe('تأكيد أن الرفات <bdi dir="ltr">TRH-GS-04-B012</bdi> هي <bdi dir="ltr">TRH-MP-00310</bdi>؟');
  });

  test("escapes a value as text, and uses the given isolate for a value of unknown direction", () => {
    const heading = withIsolatedValues(fill("نتائج البحث عن «{query}»"), { query: "<b>علي</b>" }, (value) => createElement("bdi", null, value));
    expect(markup(heading)).toBe("نتائج البحث عن «<bdi>&lt;b&gt;علي&lt;/b&gt;</bdi>»");
  });
});
