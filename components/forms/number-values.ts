/** "" from an empty input is no number at all; zod then names the field's own message. */
export const numberOrNaN = (value: unknown) => (value === "" || value === null ? Number.NaN : Number(value));
export const numberOrNull = (value: unknown) => (value === "" || value === null ? null : Number(value));
