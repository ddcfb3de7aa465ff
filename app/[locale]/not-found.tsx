import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";

export default function NotFound() {
  const t = useTranslations("Errors");
  // A plain Next.js link: next-intl's client-side Link would add its code to every page's bundle.
  const locale = useLocale();
  return (
    <section className="mx-auto max-w-xl py-12 text-center">
      <h1 className="text-2xl font-semibold">{t("notFoundTitle")}</h1>
      <p className="mt-4 text-muted">{t("notFoundBody")}</p>
      <Link href={`/${locale}`} className="mt-6 inline-block text-accent underline">
        {t("backHome")}
      </Link>
    </section>
  );
}
