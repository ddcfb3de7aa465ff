import type { ReactNode } from "react";

interface ScrollTableProps {
  children: ReactNode;
  /** The id of the table's caption or heading: the scrolling box is announced by that name. */
  labelledBy?: string;
  /** The box's name when no caption or heading names it. */
  label?: string;
}

/**
 * A table that stays readable on a 360 px phone: it keeps its cells on one line and scrolls
 * sideways inside its own box instead of squeezing to a word per line or widening the page, and
 * its first column (the code or name that says which row is which) stays in view while it scrolls
 * (globals.css, `.scroll-table`). The box is focusable and named, so a keyboard can scroll it too.
 */
export function ScrollTable({ children, labelledBy, label }: ScrollTableProps) {
  return (
    <div className="scroll-table" tabIndex={0} role="region" aria-labelledby={labelledBy} aria-label={labelledBy ? undefined : label}>
      {children}
    </div>
  );
}
