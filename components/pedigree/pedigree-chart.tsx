import { getTranslations } from "next-intl/server";
import { layoutPedigree } from "@/lib/pedigrees/chart-layout";
import type { PedigreeViewPerson } from "@/lib/pedigrees/pedigree-view";
import { personLabel } from "./person-label";

const CELL_WIDTH = 170;
const CELL_HEIGHT = 120;
const SIZE = 36;
const MARGIN = 20;

const shorten = (text: string, limit = 22) => (text.length > limit ? `${text.slice(0, limit - 1)}…` : text);

/**
 * The family's pedigree drawn the customary way (squares for men, circles for women, a diamond
 * when the sex is not known; a line joins parents, a line down to their children), rendered on the
 * server as SVG. The missing person is drawn dark with a question mark, a typed donor with "DNA".
 * The drawing is one image for screen readers; the list after it says the same in words.
 */
export async function PedigreeChart({ persons }: { persons: readonly PedigreeViewPerson[] }) {
  const t = await getTranslations("Pedigree");
  const { positions, columns, rows, couples } = layoutPedigree(persons);
  const width = columns * CELL_WIDTH + MARGIN * 2;
  const height = rows * CELL_HEIGHT + MARGIN * 2;
  const centre = (id: string) => {
    const position = positions.get(id) ?? { column: 0, row: 0 };
    return { x: MARGIN + position.column * CELL_WIDTH + CELL_WIDTH / 2, y: MARGIN + position.row * CELL_HEIGHT + SIZE / 2 + 4 };
  };
  const byId = new Map(persons.map((person) => [person.id, person]));
  const nameOf = (id: string | null) => {
    const person = id === null ? undefined : byId.get(id);
    return person ? personLabel(person, persons, t) : t("unknownParent");
  };
  const kindText = (person: PedigreeViewPerson) =>
    person.kind === "missing" ? t("kind.missing") : person.kind === "donor" ? (person.typed ? t("kind.typedDonor") : t("kind.donor")) : t("kind.untyped");
  return (
    <figure className="space-y-3" data-testid="pedigree-chart">
      <div className="overflow-x-auto rounded border border-line bg-white" dir="ltr">
        <svg role="img" aria-labelledby="pedigree-chart-title" aria-describedby="pedigree-text-alternative" width={width} height={height} viewBox={`0 0 ${width} ${height}`}>
          <title id="pedigree-chart-title">{t("chartTitle")}</title>
          <g stroke="currentColor" strokeWidth={1.5} fill="none">
            {couples.map((couple) => {
              const father = centre(couple.fatherId);
              const mother = centre(couple.motherId);
              return <line key={`${couple.fatherId}|${couple.motherId}`} x1={father.x} y1={father.y} x2={mother.x} y2={mother.y} />;
            })}
            {persons.map((person) => {
              const parents = [person.fatherId, person.motherId].filter((id): id is string => id !== null && positions.has(id)).map(centre);
              if (parents.length === 0) return null;
              const child = centre(person.id);
              const from = { x: parents.reduce((sum, point) => sum + point.x, 0) / parents.length, y: parents.reduce((sum, point) => sum + point.y, 0) / parents.length };
              const bend = child.y - SIZE / 2 - 16;
              return <polyline key={`down-${person.id}`} points={`${from.x},${from.y} ${from.x},${bend} ${child.x},${bend} ${child.x},${child.y - SIZE / 2}`} />;
            })}
          </g>
          {persons.map((person) => {
            const { x, y } = centre(person.id);
            const fill = person.kind === "missing" ? "#1f2937" : person.typed ? "#bfdbfe" : "#ffffff";
            const shape =
              person.sex === "male" ? (
                <rect x={x - SIZE / 2} y={y - SIZE / 2} width={SIZE} height={SIZE} fill={fill} stroke="#111827" strokeWidth={person.kind === "missing" ? 3 : 1.5} />
              ) : person.sex === "female" ? (
                <circle cx={x} cy={y} r={SIZE / 2} fill={fill} stroke="#111827" strokeWidth={person.kind === "missing" ? 3 : 1.5} />
              ) : (
                <polygon points={`${x},${y - SIZE / 2} ${x + SIZE / 2},${y} ${x},${y + SIZE / 2} ${x - SIZE / 2},${y}`} fill={fill} stroke="#111827" strokeWidth={1.5} />
              );
            return (
              <g key={person.id} data-testid="pedigree-symbol" data-kind={person.kind}>
                {shape}
                {person.kind === "missing" && (
                  <text x={x} y={y + 6} textAnchor="middle" fontSize={18} fontWeight={700} fill="#ffffff">?</text>
                )}
                {person.typed && (
                  <text x={x} y={y + 4} textAnchor="middle" fontSize={10} fontWeight={700} fill="#1e3a8a">DNA</text>
                )}
                <text x={x} y={y + SIZE / 2 + 16} textAnchor="middle" fontSize={12} fill="#111827" direction="rtl" unicodeBidi="plaintext">
                  {shorten(personLabel(person, persons, t))}
                </text>
                {person.kind !== "untyped" && (
                  <text x={x} y={y + SIZE / 2 + 30} textAnchor="middle" fontSize={10} fill="#4b5563" unicodeBidi="plaintext">
                    {person.caseNumber ?? kindText(person)}
                  </text>
                )}
              </g>
            );
          })}
        </svg>
      </div>
      <figcaption className="text-sm text-muted">{t("legend")}</figcaption>
      <section aria-labelledby="pedigree-text-alternative-title" className="space-y-2">
        <h3 id="pedigree-text-alternative-title" className="font-semibold">{t("textAlternativeTitle")}</h3>
        <ul id="pedigree-text-alternative" className="list-disc space-y-1 ps-6" data-testid="pedigree-text-alternative">
          {persons.map((person) => (
            <li key={person.id}>
              {t("textAlternativeLine", {
                name: personLabel(person, persons, t),
                kind: kindText(person),
                sex: t(`sex.${person.sex}`),
                father: nameOf(person.fatherId),
                mother: nameOf(person.motherId),
              })}
            </li>
          ))}
        </ul>
      </section>
    </figure>
  );
}
