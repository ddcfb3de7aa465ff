import { getTranslations } from "next-intl/server";
import { Link } from "@/lib/i18n/navigation";
import { LanguageSwitch } from "./language-switch";

export async function SiteHeader() {
  const t = await getTranslations("Common");
  return (
    <header className="border-b border-line bg-white">
      <div className="mx-auto flex max-w-5xl flex-wrap items-center justify-between gap-3 px-4 py-3">
        <Link href="/" className="text-lg font-semibold text-accent">
          {t("appName")}
        </Link>
        <nav aria-label={t("primaryNavigation")} className="flex items-center gap-4">
          <Link href="/" className="text-sm underline-offset-4 hover:underline">
            {t("home")}
          </Link>
          <Link href="/staff" className="text-sm underline-offset-4 hover:underline">
            {t("staffArea")}
          </Link>
          <LanguageSwitch />
        </nav>
      </div>
    </header>
  );
}
