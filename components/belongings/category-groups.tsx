import type { ReactNode } from "react";

/** The items in runs of one category, in the order given (the catalogue reads them ordered by category). */
export function groupByCategory<Item extends { category: string }>(items: readonly Item[]): { category: Item["category"]; items: Item[] }[] {
  const groups: { category: Item["category"]; items: Item[] }[] = [];
  for (const item of items) {
    const last = groups[groups.length - 1];
    if (last && last.category === item.category) last.items.push(item);
    else groups.push({ category: item.category, items: [item] });
  }
  return groups;
}

/**
 * The Book of Belongings grouped by category (issue #23): a heading per category — clothing,
 * shoes, keys, documents… — and its items under it, as a relative would leaf through it.
 */
export function CategoryGroups<Item extends { category: string; effectId: string }>({
  items,
  heading,
  listClassName,
  testId,
  children,
}: {
  items: readonly Item[];
  heading: (category: Item["category"], count: number) => string;
  listClassName: string;
  testId: string;
  children: (item: Item) => ReactNode;
}) {
  return (
    <div className="space-y-6" data-testid={testId}>
      {groupByCategory(items).map((group) => (
        <section key={group.category} aria-labelledby={`${testId}-${group.category}`} className="space-y-3" data-testid="catalogue-category">
          <h2 id={`${testId}-${group.category}`} className="text-xl font-semibold">
            {heading(group.category, group.items.length)}
          </h2>
          <ul className={listClassName}>{group.items.map(children)}</ul>
        </section>
      ))}
    </div>
  );
}
