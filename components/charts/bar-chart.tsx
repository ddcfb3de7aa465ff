import { ChartFigure } from "./chart-figure";

export interface BarSeries {
  label: string;
  colour: string;
}

export interface BarRow {
  label: string;
  /** One value per series, stacked along the bar. */
  values: number[];
}

const WIDTH = 640;
const LABEL_WIDTH = 200;
const VALUE_ROOM = 56;
const ROW_HEIGHT = 30;
const BAR_HEIGHT = 18;

/**
 * Horizontal bars, stacked when there are several series, drawn from the reading side: labels on
 * the right and bars growing leftwards in Arabic. The SVG's own direction is fixed to ltr so that
 * the coordinates below are physical.
 */
export function BarChart({
  id,
  title,
  caption,
  rowHeading,
  rows,
  series,
  rightToLeft,
  formatValue,
}: {
  id: string;
  title: string;
  caption: string;
  rowHeading: string;
  rows: BarRow[];
  series: BarSeries[];
  rightToLeft: boolean;
  formatValue: (value: number) => string;
}) {
  const largest = Math.max(1, ...rows.map((row) => row.values.reduce((sum, value) => sum + value, 0)));
  const barRoom = WIDTH - LABEL_WIDTH - VALUE_ROOM;
  const scale = (value: number) => (value / largest) * barRoom;
  const physicalX = (x: number, width: number) => (rightToLeft ? WIDTH - x - width : x);
  const height = rows.length * ROW_HEIGHT + 4;
  return (
    <ChartFigure
      id={id}
      title={title}
      caption={caption}
      rowHeading={rowHeading}
      rowLabels={rows.map((row) => row.label)}
      columns={series.map((entry, index) => ({
        heading: entry.label,
        values: rows.map((row) => formatValue(row.values[index] ?? 0)),
      }))}
    >
      {series.length > 1 && (
        <ul aria-hidden="true" className="flex flex-wrap gap-x-4 text-sm">
          {series.map((entry) => (
            <li key={entry.label} className="flex items-center gap-1.5">
              <span className="inline-block h-3 w-3 rounded-sm" style={{ backgroundColor: entry.colour }} />
              {entry.label}
            </li>
          ))}
        </ul>
      )}
      <svg role="img" aria-labelledby={`${id}-title`} viewBox={`0 0 ${WIDTH} ${height}`} className="w-full" style={{ direction: "ltr" }}>
        {rows.map((row, rowIndex) => {
          const top = rowIndex * ROW_HEIGHT + 4;
          const total = row.values.reduce((sum, value) => sum + value, 0);
          let offset = LABEL_WIDTH;
          const segments = row.values.map((value, index) => {
            const width = scale(value);
            const segment = (
              <rect
                key={series[index]?.label ?? index}
                x={physicalX(offset, width)}
                y={top}
                width={width}
                height={BAR_HEIGHT}
                fill={series[index]?.colour ?? "#57534e"}
              />
            );
            offset += width;
            return segment;
          });
          const labelX = rightToLeft ? WIDTH - LABEL_WIDTH + 8 : LABEL_WIDTH - 8;
          const valueX = rightToLeft ? WIDTH - offset - 6 : offset + 6;
          return (
            <g key={row.label} fontSize={14} fill="#1c1917">
              <text x={labelX} y={top + 14} textAnchor={rightToLeft ? "start" : "end"}>{row.label}</text>
              {segments}
              <text x={valueX} y={top + 14} textAnchor={rightToLeft ? "end" : "start"} fontWeight={600}>
                {formatValue(total)}
              </text>
            </g>
          );
        })}
      </svg>
    </ChartFigure>
  );
}
