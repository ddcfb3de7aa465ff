import type { routing } from "@/lib/i18n/routing";
import type messages from "@/lib/i18n/messages/en";

// Typed translation keys: a missing or misspelt key fails the type check.
declare module "next-intl" {
  interface AppConfig {
    Locale: (typeof routing.locales)[number];
    Messages: typeof messages;
  }
}
