/** The header row of a records table: one column heading per label, scoped for screen readers. */
export function TableHead({ headings }: { headings: string[] }) {
  return (
    <thead>
      <tr className="border-b border-line">
        {headings.map((heading) => (
          <th key={heading} scope="col" className="px-2 py-2 text-start font-medium">
            {heading}
          </th>
        ))}
      </tr>
    </thead>
  );
}
