"use client";

import { signOut } from "next-auth/react";
import { useLocale, useTranslations } from "next-intl";
import { useState } from "react";

export function SignOutButton() {
  const t = useTranslations("Auth");
  const locale = useLocale();
  const [pending, setPending] = useState(false);
  return (
    <button
      type="button"
      disabled={pending}
      data-testid="sign-out"
      onClick={() => {
        setPending(true);
        void signOut({ callbackUrl: `/${locale}/login` });
      }}
      className="rounded border border-line px-3 py-1 text-sm hover:bg-accent-soft disabled:opacity-60"
    >
      {pending ? t("signingOut") : t("signOut")}
    </button>
  );
}
