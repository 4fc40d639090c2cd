// Shared zod pieces for forms: UK dates as typed, trimmed text, ids.
import { z } from "zod";
import { formatUkDate, parseUkDate, todayIso } from "@/lib/dates";

export const id = z.string().uuid("That reference is not valid.");

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Ids from URLs are checked before they reach SQL: anything else is simply "not found". */
export const isUuid = (value: string) => UUID.test(value);

/** `missing` replaces "Enter <label>" when the label does not read well after "Enter". */
export const requiredText = (label: string, max = 2000, missing = `Enter ${label}`) =>
  z
    .string({ error: missing })
    .trim()
    .min(1, missing)
    .max(max, `${label[0]?.toUpperCase()}${label.slice(1)} must be ${max} characters or fewer`);

export const optionalText = (max = 10000) =>
  z.string().trim().max(max, `Must be ${max} characters or fewer`).optional().default("");

/** A date typed as dd/mm/yyyy, stored as ISO YYYY-MM-DD. */
export const ukDate = (label: string, missing = `Enter ${label}`) =>
  z
    .string({ error: missing })
    .trim()
    .min(1, missing)
    .refine(
      (v) => parseUkDate(v) !== null,
      `${label[0]?.toUpperCase()}${label.slice(1)} must be a real date, like 27/03/2026`,
    )
    .transform((v) => parseUkDate(v) as string);

export const optionalUkDate = (label: string) =>
  z
    .string()
    .trim()
    .optional()
    .default("")
    .refine(
      (v) => v === "" || parseUkDate(v) !== null,
      `${label[0]?.toUpperCase()}${label.slice(1)} must be a real date, like 27/03/2026`,
    )
    .transform((v) => (v === "" ? null : (parseUkDate(v) as string)));

/** A date of something that happened: a real date, and not after today (in England). */
export const pastUkDate = (label: string, missing?: string) =>
  ukDate(label, missing).refine((iso) => iso <= todayIso(), {
    message: `${label[0]?.toUpperCase()}${label.slice(1)} cannot be in the future: today is ${formatUkDate(todayIso())}`,
  });

// A NUL, or half of a UTF-16 surrogate pair (what is left of an emoji cut in two): PostgreSQL
// cannot store either in text, and neither was typed on purpose.
// eslint-disable-next-line no-control-regex
const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
export const UNSTORABLE_TEXT_MESSAGE =
  "This contains a character that cannot be stored (a null character or half of an emoji). Retype the text around it.";

/**
 * Every text value in a submission that cannot be stored, by its field path ("data.observations"),
 * so each gets a field error instead of the database refusing the whole save.
 */
export function unstorableText(value: unknown, path: string[] = [], out: Record<string, string[]> = {}) {
  if (typeof value === "string") {
    if (UNSTORABLE.test(value)) out[path.join(".") || "_form"] = [UNSTORABLE_TEXT_MESSAGE];
  } else if (Array.isArray(value)) {
    value.forEach((v, i) => unstorableText(v, [...path, String(i)], out));
  } else if (value && typeof value === "object" && Object.getPrototypeOf(value) === Object.prototype) {
    for (const [k, v] of Object.entries(value)) unstorableText(v, [...path, k], out);
  }
  return out;
}
