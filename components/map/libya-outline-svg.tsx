import type { CountryOutline } from "@/lib/map/libya-outline";
import { TARHUNA } from "@/lib/map/places";

/** SVG units per degree: enough resolution for a map box, few enough digits to keep the page light. */
const SCALE = 10;

/**
 * The country drawn on the server as plain SVG (an equirectangular projection, widened by the
 * cosine of the middle latitude so that Libya keeps its shape): what the map shows before Leaflet
 * arrives, and all it shows without JavaScript.
 */
export function LibyaOutlineSvg({ outline, tarhunaLabel }: { outline: CountryOutline; tarhunaLabel: string }) {
  const [[south, west], [north, east]] = outline.bounds;
  const widening = Math.cos((((south + north) / 2) * Math.PI) / 180);
  const x = (longitude: number) => ((longitude - west) * widening * SCALE).toFixed(1);
  const y = (latitude: number) => ((north - latitude) * SCALE).toFixed(1);
  const path = outline.polygons
    .flat()
    .map((ring) => `M${ring.map(([longitude, latitude]) => `${x(longitude)} ${y(latitude)}`).join("L")}Z`)
    .join("");
  const width = ((east - west) * widening * SCALE).toFixed(1);
  const height = ((north - south) * SCALE).toFixed(1);
  return (
    <svg viewBox={`-4 -8 ${width} ${height}`} className="h-full w-full p-4" preserveAspectRatio="xMidYMid meet">
      <path d={path} fill="#f5f0e6" stroke="#78716c" strokeWidth={0.6} strokeLinejoin="round" />
      <circle cx={x(TARHUNA.longitude)} cy={y(TARHUNA.latitude)} r={2} fill="#1d4f4a" stroke="#fff" strokeWidth={0.6} />
      <text x={x(TARHUNA.longitude)} y={y(TARHUNA.latitude)} dx={4} dy={8} fontSize={6} fill="#1c1917" fontWeight={600}>
        {tarhunaLabel}
      </text>
    </svg>
  );
}
