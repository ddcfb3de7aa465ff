import type { ReactNode } from "react";

export interface ChartTableColumn {
  heading: string;
  values: string[];
}

/**
 * Every chart comes as a figure: the SVG picture for the eye (role="img", named by its title), a
 * caption that says what it shows, and the same numbers as a table for screen readers.
 */
export function ChartFigure({
  id,
  title,
  caption,
  rowHeading,
  rowLabels,
  columns,
  children,
}: {
  id: string;
  title: string;
  caption: string;
  rowHeading: string;
  rowLabels: string[];
  columns: ChartTableColumn[];
  children: ReactNode;
}) {
  return (
    <figure className="space-y-2 rounded-lg border border-line bg-white p-4" data-testid={id}>
      <h3 id={`${id}-title`} className="font-semibold">{title}</h3>
      {children}
      <figcaption className="text-sm text-muted">{caption}</figcaption>
      {/* The box is what is visually hidden: a table ignores the 1 px width and, in right-to-left,
          reached off the page's left edge on a phone. */}
      <div className="sr-only">
        <table>
          <caption>{title}</caption>
          <thead>
            <tr>
              <th scope="col">{rowHeading}</th>
              {columns.map((column) => (
                <th key={column.heading} scope="col">{column.heading}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rowLabels.map((label, index) => (
              <tr key={label}>
                <th scope="row">{label}</th>
                {columns.map((column) => (
                  <td key={column.heading}>{column.values[index]}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </figure>
  );
}
