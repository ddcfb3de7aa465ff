import type { ReactNode } from "react";

export function FormSection({ id, heading, intro, children }: { id: string; heading: string; intro?: string; children: ReactNode }) {
  return (
    <section aria-labelledby={`${id}-heading`} className="space-y-3 border-t border-line pt-6">
      <h2 id={`${id}-heading`} className="text-xl font-semibold">
        {heading}
      </h2>
      {intro && <p className="text-muted">{intro}</p>}
      {children}
    </section>
  );
}
