import type { AbstractIntlMessages } from "next-intl";

/**
 * The messages every page's browser code needs: the error boundary (Errors), the header's sign-out
 * button (Auth) and shared words (Common). Staff pages and the sign-in page add the full catalogue in
 * their own provider; the public page and the family portal, read on cheap phones, carry only these.
 */
export const SHELL_NAMESPACES = ["Common", "Errors", "Auth"] as const;

export function pickNamespaces(messages: AbstractIntlMessages, namespaces: readonly string[]): AbstractIntlMessages {
  return Object.fromEntries(namespaces.filter((name) => name in messages).map((name) => [name, messages[name]!]));
}
