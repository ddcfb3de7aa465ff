import { Fragment, type ReactNode } from "react";

/**
 * A code, number, date, address or phone inside right-to-left text. Without isolation the
 * bidirectional algorithm reorders its parts against the Arabic around it ("1 × 10^6" reads
 * "6^10 × 1", "TRH-MP-00457" moves its dashes); `<bdi dir="ltr">` keeps it whole and left to
 * right, while the block around it keeps the page's direction. globals.css keeps every `<bdi>` on
 * one line, so a code never breaks at its dashes.
 */
export function LtrText({ children, className }: { children: ReactNode; className?: string }) {
  return (
    <bdi dir="ltr" className={className}>
      {children}
    </bdi>
  );
}

// Characters of Unicode's private use area: never in a message or a value, so they mark where each value goes.
const VALUE_START = "\uE000";
const VALUE_END = "\uE001";
const VALUE_MARK = new RegExp(`${VALUE_START}(\\d+)${VALUE_END}`);

/**
 * A translated sentence whose values are each isolated (by default in an `LtrText`), without
 * changing the message: `translate` is called with markers in place of the values, and each marker
 * is then replaced by its value, isolated. For "تأكيد أن الرفات {code} هي {caseNumber}؟" and the
 * like; `isolate` sets a value whose direction is not known in advance (what someone typed).
 */
export function withIsolatedValues(
  translate: (values: Record<string, string>) => string,
  values: Record<string, string>,
  isolate: (value: string) => ReactNode = (value) => <LtrText>{value}</LtrText>,
): ReactNode {
  const names = Object.keys(values);
  const markers = Object.fromEntries(names.map((name, index) => [name, `${VALUE_START}${index}${VALUE_END}`]));
  // split with a capturing group alternates text and the captured value indexes.
  const parts = translate(markers).split(VALUE_MARK);
  return parts.map((part, index) => {
    if (index % 2 === 0) return <Fragment key={index}>{part}</Fragment>;
    const name = names[Number(part)];
    return <Fragment key={index}>{isolate(name === undefined ? part : (values[name] ?? part))}</Fragment>;
  });
}
