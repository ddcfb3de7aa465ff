import { useTranslations } from "next-intl";
import { Link } from "@/lib/i18n/navigation";

export default function NotFound() {
  const t = useTranslations("Errors");
  return (
    <section className="mx-auto max-w-xl py-12 text-center">
      <h1 className="text-2xl font-semibold">{t("notFoundTitle")}</h1>
      <p className="mt-4 text-muted">{t("notFoundBody")}</p>
      <Link href="/" className="mt-6 inline-block text-accent underline">
        {t("backHome")}
      </Link>
    </section>
  );
}
