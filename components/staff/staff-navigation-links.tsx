"use client";

import { useId, useState } from "react";
import { Link, usePathname } from "@/lib/i18n/navigation";
import { currentAreaHref } from "./staff-areas";

interface StaffNavigationLinksProps {
  areas: { href: string; label: string }[];
  label: string;
  menuLabel: string;
}

/**
 * The staff areas, the current one marked for eyes (bold, underlined) and for screen readers
 * (aria-current). On a phone the links fold behind one button, so that 11 to 16 links do not fill
 * half the screen; the menu folds again whenever the page changes.
 */
export function StaffNavigationLinks({ areas, label, menuLabel }: StaffNavigationLinksProps) {
  const pathname = usePathname();
  const listId = useId();
  const [openOn, setOpenOn] = useState<string | null>(null);
  const open = openOn === pathname;
  const current = currentAreaHref(pathname, areas.map((area) => area.href));
  return (
    <nav aria-label={label} data-testid="staff-navigation" className="w-full sm:w-auto">
      <button
        type="button"
        aria-expanded={open}
        aria-controls={listId}
        data-testid="staff-navigation-toggle"
        onClick={() => setOpenOn(open ? null : pathname)}
        className="flex items-center gap-2 rounded border border-line bg-white px-3 py-1 text-sm font-medium sm:hidden"
      >
        <span aria-hidden="true">☰</span>
        {menuLabel}
      </button>
      <ul id={listId} className={`${open ? "mt-2 flex flex-col gap-1" : "hidden"} sm:mt-0 sm:flex sm:flex-row sm:flex-wrap sm:gap-4`}>
        {areas.map((area) => (
          <li key={area.href}>
            <Link
              href={area.href}
              aria-current={area.href === current ? "page" : undefined}
              className="block py-1 text-sm font-medium underline-offset-4 hover:underline aria-[current=page]:font-bold aria-[current=page]:text-accent aria-[current=page]:underline aria-[current=page]:decoration-2 sm:inline sm:py-0"
            >
              {area.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
