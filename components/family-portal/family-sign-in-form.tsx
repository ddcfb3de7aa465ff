import type { Locale } from "next-intl";
import { getTranslations } from "next-intl/server";

interface FamilySignInFormProps {
  locale: Locale;
  failed: boolean;
  signedOut: boolean;
  /** Minutes this connection must wait before its next try, when it was told to wait. */
  waitMinutes: number | null;
}

const inputClassName = "block w-full rounded border-2 border-line bg-white px-3 py-3 text-xl tracking-wide";

/**
 * A plain HTML form posting to the sign-in route: it works on any phone, with or without
 * JavaScript, and the code never sits in client-side state.
 */
export async function FamilySignInForm({ locale, failed, signedOut, waitMinutes }: FamilySignInFormProps) {
  const t = await getTranslations({ locale, namespace: "FamilyPortal" });
  return (
    <form method="post" action={`/${locale}/family/sign-in`} className="space-y-5" data-testid="family-sign-in-form">
      {(failed || waitMinutes !== null) && (
        <p role="alert" className="rounded border border-red-300 bg-red-50 px-3 py-2 text-red-900" data-testid="family-sign-in-error">
          {waitMinutes === null ? t("signInFailed") : t("signInWait", { minutes: waitMinutes })}
        </p>
      )}
      {signedOut && !failed && waitMinutes === null && (
        <p role="status" className="rounded border border-emerald-300 bg-emerald-50 px-3 py-2 text-emerald-900" data-testid="family-signed-out">
          {t("signedOut")}
        </p>
      )}
      <div className="space-y-1">
        <label htmlFor="family-reference" className="block text-lg font-medium">{t("referenceLabel")}</label>
        <p id="family-reference-hint" className="text-muted">{t("referenceHint")} <bdi dir="ltr">TRH-F-0001</bdi></p>
        <input id="family-reference" name="reference" required dir="ltr" autoComplete="off" autoCapitalize="characters" spellCheck={false} aria-describedby="family-reference-hint" className={inputClassName} />
      </div>
      <div className="space-y-1">
        <label htmlFor="family-code" className="block text-lg font-medium">{t("codeLabel")}</label>
        <p id="family-code-hint" className="text-muted">{t("codeHint")}</p>
        <input id="family-code" name="code" required dir="ltr" autoComplete="off" autoCapitalize="characters" spellCheck={false} aria-describedby="family-code-hint" className={inputClassName} />
      </div>
      <button type="submit" className="w-full rounded bg-accent px-4 py-3 text-lg font-semibold text-white hover:opacity-90">
        {t("submit")}
      </button>
    </form>
  );
}
