import Papa from "papaparse";

const TEXT_CHUNK = 256 * 1024;
const DELIMITERS = [",", ";", "\t"] as const;
/** Lines looked at to guess the separator: a register's title line has none. */
const SAMPLE_LINES = 20;

/**
 * The separator that splits the first lines most often: Arabic Excel saves ";" where the decimal
 * comma is used, and a title line above the header has no separator at all.
 */
export function chooseDelimiter(text: string): string {
  const lines = text.slice(0, 64 * 1024).split(/\r?\n/, SAMPLE_LINES);
  const counts = DELIMITERS.map((delimiter) => ({ delimiter, count: Math.max(0, ...lines.map((line) => line.split(delimiter).length - 1)) }));
  return counts.reduce((best, next) => (next.count > best.count ? next : best)).delimiter;
}

/**
 * The records of a CSV text, parsed a chunk at a time: each chunk's complete records, the
 * unfinished last one carried over to the next. (Papa's node-stream mode pauses the parser every
 * 16 records and then parses the rest of its chunk again, which cost seconds per 100,000 rows.)
 */
export function* csvRecords(text: string): Generator<string[]> {
  const delimiter = chooseDelimiter(text);
  // Papa's own guess of the line ending, from the start of the file, then kept for every chunk.
  const newline = Papa.parse(text.slice(0, TEXT_CHUNK), { delimiter, preview: 1 }).meta.linebreak as "\n" | "\r\n" | "\r";
  const parse = (input: string, moreToCome: boolean) =>
    // Without a header, typing or a step function the parser answers rows of strings.
    new Papa.Parser({ delimiter, newline }).parse(input, 0, moreToCome) as { data: string[][]; meta: { cursor: number } };
  let carried = "";
  for (let start = 0; start < text.length; start += TEXT_CHUNK) {
    const input = carried + text.slice(start, start + TEXT_CHUNK);
    const parsed = parse(input, true);
    carried = input.slice(parsed.meta.cursor);
    yield* parsed.data;
  }
  if (carried !== "") yield* parse(carried, false).data;
}
