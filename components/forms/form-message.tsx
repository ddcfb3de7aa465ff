"use client";

import { useMessage } from "./use-message";

/** The outcome of a submission, announced politely to screen readers. */
export function FormMessage({ message }: { message: { kind: "error" | "success"; key: string } | null }) {
  const translate = useMessage();
  if (!message) return <div role="status" aria-live="polite" />;
  const tone = message.kind === "error" ? "border-red-300 bg-red-50 text-red-900" : "border-emerald-300 bg-emerald-50 text-emerald-900";
  return (
    <div role={message.kind === "error" ? "alert" : "status"} aria-live="polite" className={`rounded border px-3 py-2 ${tone}`}>
      {translate(message.key)}
    </div>
  );
}
