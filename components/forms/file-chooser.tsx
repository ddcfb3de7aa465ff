"use client";

import { useTranslations } from "next-intl";
import { useState, type InputHTMLAttributes } from "react";

type FileChooserProps = Omit<InputHTMLAttributes<HTMLInputElement>, "type" | "className"> & { id: string };

/**
 * A file input whose button and "no file chosen" read in the page's language: the browser draws a
 * native one in its own ("Choose file" on an English PC inside an Arabic page). The real input lies
 * over the drawn button, transparent, so a click, a tap, the keyboard and a screen reader all reach
 * the browser's own control (named by the field's label); only its look is replaced.
 */
export function FileChooser({ id, onChange, ...inputProps }: FileChooserProps) {
  const t = useTranslations("Common");
  const [chosen, setChosen] = useState<string | null>(null);
  return (
    <div className="flex flex-wrap items-center gap-3" data-file-chooser>
      <span className="relative inline-flex cursor-pointer items-center rounded border border-line bg-white px-4 py-2 font-medium focus-within:outline focus-within:outline-3 focus-within:outline-offset-2 focus-within:outline-accent hover:bg-accent-soft">
        <span aria-hidden="true">{t("chooseFile")}</span>
        <input
          id={id}
          type="file"
          className="absolute inset-0 h-full w-full cursor-pointer opacity-0"
          onChange={(event) => {
            const files = event.target.files;
            setChosen(files && files.length > 0 ? Array.from(files, (file) => file.name).join("، ") : null);
            onChange?.(event);
          }}
          {...inputProps}
        />
      </span>
      <span className="text-sm text-muted" aria-hidden="true" data-testid={`${id}-chosen`}>
        {chosen === null ? t("noFileChosen") : <bdi>{chosen}</bdi>}
      </span>
    </div>
  );
}
