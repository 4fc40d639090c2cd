// Shared zod pieces for forms: UK dates as typed, trimmed text, ids.
import { z } from "zod";
import { parseUkDate } from "@/lib/dates";

export const id = z.string().uuid("That reference is not valid.");

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Ids from URLs are checked before they reach SQL: anything else is simply "not found". */
export const isUuid = (value: string) => UUID.test(value);

export const requiredText = (label: string, max = 2000) =>
  z
    .string({ error: `Enter ${label}` })
    .trim()
    .min(1, `Enter ${label}`)
    .max(max, `${label[0]?.toUpperCase()}${label.slice(1)} must be ${max} characters or fewer`);

export const optionalText = (max = 10000) =>
  z.string().trim().max(max, `Must be ${max} characters or fewer`).optional().default("");

/** A date typed as dd/mm/yyyy, stored as ISO YYYY-MM-DD. */
export const ukDate = (label: string) =>
  z
    .string({ error: `Enter ${label}` })
    .trim()
    .min(1, `Enter ${label}`)
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
