"use client";

import { useSyncExternalStore, type ComponentProps } from "react";

const noSubscription = () => () => {};

/** False in the server's HTML and during hydration, true once React has taken the page over. */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );
}

/**
 * A form handled by JavaScript whose fields accept input only once React has hydrated it. Before
 * that, on a slow phone, what a user typed would be lost: react-hook-form writes its default values
 * into the fields when it takes them over. And a submit before hydration would be a plain GET to the
 * page's own address, putting every field (names, phones) into the URL and the server's logs.
 * The disabled fieldset greys the fields and the submit button out until then. (Tailwind's base
 * styles take a fieldset's border, margin and padding away.)
 */
export function HydratedForm({ children, className, ...props }: ComponentProps<"form">) {
  const hydrated = useHydrated();
  // The layout classes go on the fieldset, the children's parent, so spacing between them holds.
  return (
    <form {...props} aria-busy={hydrated ? undefined : true}>
      <fieldset disabled={!hydrated} className={`min-w-0 ${className ?? ""}`}>
        {children}
      </fieldset>
    </form>
  );
}
