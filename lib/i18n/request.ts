import { hasLocale } from "next-intl";
import { getRequestConfig } from "next-intl/server";
import { TIME_ZONE } from "./format";
import { routing } from "./routing";

const catalogues = {
  ar: () => import("./messages/ar"),
  en: () => import("./messages/en"),
};

export default getRequestConfig(async ({ requestLocale }) => {
  const requested = await requestLocale;
  const locale = hasLocale(routing.locales, requested) ? requested : routing.defaultLocale;
  return {
    locale,
    timeZone: TIME_ZONE,
    messages: (await catalogues[locale]()).default,
  };
});
