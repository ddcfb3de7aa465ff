import { useTranslations } from "next-intl";

export default function Loading() {
  const t = useTranslations("Loading");
  return (
    <p role="status" aria-live="polite" className="py-12 text-center text-muted">
      {t("label")}
    </p>
  );
}
