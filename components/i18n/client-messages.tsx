import { NextIntlClientProvider } from "next-intl";
import { getMessages } from "next-intl/server";
import type { ReactNode } from "react";
import { pickNamespaces, SHELL_NAMESPACES, type Namespace } from "@/lib/i18n/client-messages";

/**
 * Gives the browser code below it the shell's messages and `namespaces`, nothing else: each
 * provider replaces the one above it, and every message it holds is written into the page's HTML.
 */
export async function ClientMessages({ namespaces, children }: { namespaces: readonly Namespace[]; children: ReactNode }) {
  const messages = await getMessages();
  return (
    <NextIntlClientProvider messages={pickNamespaces(messages, [...new Set([...SHELL_NAMESPACES, ...namespaces])])}>{children}</NextIntlClientProvider>
  );
}
