"use client";

import { useTranslations } from "next-intl";
import type { ReactNode, RefObject } from "react";
import { dangerButtonClassName } from "./button-class";

interface ConfirmDialogProps {
  id: string;
  dialogRef: RefObject<HTMLDialogElement | null>;
  question: ReactNode;
  confirmLabel: string;
  onConfirm: () => void;
}

/**
 * A native modal dialog asking before a change that signs a user out: it keeps keyboard focus
 * inside, Escape closes it, and focus returns to the button that opened it.
 */
export function ConfirmDialog({ id, dialogRef, question, confirmLabel, onConfirm }: ConfirmDialogProps) {
  const t = useTranslations("Users");
  const close = () => dialogRef.current?.close();
  return (
    <dialog
      ref={dialogRef}
      aria-labelledby={`${id}-question`}
      className="m-auto max-w-md rounded border border-line bg-white p-6 text-ink shadow-lg backdrop:bg-black/40"
    >
      <p id={`${id}-question`} className="font-medium">
        {question}
      </p>
      <div className="mt-5 flex flex-wrap gap-3">
        {/* First, so the dialog opens with focus on it: an Enter pressed out of habit changes nothing. */}
        <button type="button" onClick={close} className="rounded border border-line px-4 py-2 font-medium">
          {t("cancel")}
        </button>
        <button
          type="button"
          onClick={() => {
            close();
            onConfirm();
          }}
          className={dangerButtonClassName}
        >
          {confirmLabel}
        </button>
      </div>
    </dialog>
  );
}
