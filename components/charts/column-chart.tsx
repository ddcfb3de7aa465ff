import { ChartFigure } from "./chart-figure";

export interface Column {
  /** "2021-03" */
  month: string;
  value: number;
}

const WIDTH = 640;
const HEIGHT = 200;
const AXIS_ROOM = 24;
const TOP_ROOM = 18;

/**
 * One column per month. Time runs left to right in both languages, as on the calendars and lab
 * reports the staff read; only January is labelled, with its year, so the axis stays legible on a phone.
 */
export function ColumnChart({
  id,
  title,
  caption,
  rowHeading,
  valueHeading,
  columns,
  colour,
  formatValue,
  formatMonth,
}: {
  id: string;
  title: string;
  caption: string;
  rowHeading: string;
  valueHeading: string;
  columns: Column[];
  colour: string;
  formatValue: (value: number) => string;
  formatMonth: (month: string) => string;
}) {
  const largest = Math.max(1, ...columns.map((column) => column.value));
  const plotHeight = HEIGHT - AXIS_ROOM - TOP_ROOM;
  const step = WIDTH / Math.max(1, columns.length);
  const barWidth = Math.max(1, step * 0.8);
  return (
    <ChartFigure
      id={id}
      title={title}
      caption={caption}
      rowHeading={rowHeading}
      rowLabels={columns.map((column) => formatMonth(column.month))}
      columns={[{ heading: valueHeading, values: columns.map((column) => formatValue(column.value)) }]}
    >
      <svg role="img" aria-labelledby={`${id}-title`} viewBox={`0 0 ${WIDTH} ${HEIGHT}`} className="w-full" style={{ direction: "ltr" }}>
        <line x1={0} x2={WIDTH} y1={TOP_ROOM} y2={TOP_ROOM} stroke="#d6d3d1" strokeDasharray="4 4" />
        <text x={0} y={TOP_ROOM - 5} fontSize={12} fill="#57534e">{formatValue(largest)}</text>
        <line x1={0} x2={WIDTH} y1={HEIGHT - AXIS_ROOM} y2={HEIGHT - AXIS_ROOM} stroke="#57534e" />
        {columns.map((column, index) => {
          const barHeight = (column.value / largest) * plotHeight;
          const x = index * step + (step - barWidth) / 2;
          return (
            <g key={column.month}>
              <rect x={x} y={HEIGHT - AXIS_ROOM - barHeight} width={barWidth} height={barHeight} fill={colour} />
              {column.month.endsWith("-01") && (
                <text x={x} y={HEIGHT - 6} fontSize={12} fill="#57534e">{column.month.slice(0, 4)}</text>
              )}
            </g>
          );
        })}
      </svg>
    </ChartFigure>
  );
}
