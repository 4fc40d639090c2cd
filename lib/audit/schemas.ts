// The audit log's filters, as they arrive in the address (the page, the CSV export and the
// subject access view read the same ones): anything malformed is dropped with a message, never
// passed to SQL.
import { z } from "zod";
import { AUDIT_ACTIONS } from "@/lib/access";
import { parseUkDate } from "@/lib/dates";

export const AUDIT_OUTCOMES = [
  { value: "allowed", label: "Allowed" },
  { value: "refused", label: "Refused" },
  { value: "failed", label: "Failed" },
] as const;
export type AuditOutcome = (typeof AUDIT_OUTCOMES)[number]["value"];

export interface AuditFilters {
  /** A child's reference or part of their name. */
  child: string;
  /** Part of a person's name or email address. */
  user: string;
  action: string;
  outcome: AuditOutcome | "";
  /** ISO dates, inclusive, in England. */
  from: string | null;
  to: string | null;
  flaggedOnly: boolean;
}

export const NO_FILTERS: AuditFilters = {
  child: "",
  user: "",
  action: "",
  outcome: "",
  from: null,
  to: null,
  flaggedOnly: false,
};

const text = (max: number) => z.string().trim().max(max).catch("");
const ACTION_VALUES = new Set(AUDIT_ACTIONS.map((a) => a.action));

/** The filters from the query string, and a message for each that could not be used. */
export function parseAuditFilters(raw: Record<string, string | string[] | undefined>): {
  filters: AuditFilters;
  problems: Array<{ field: string; message: string }>;
  before?: number;
  after?: number;
} {
  const one = (k: string) => {
    const v = raw[k];
    return typeof v === "string" ? v : "";
  };
  const problems: Array<{ field: string; message: string }> = [];
  const date = (field: "from" | "to", label: string) => {
    const value = one(field).trim();
    if (!value) return null;
    const iso = parseUkDate(value);
    if (!iso) problems.push({ field, message: `${label} must be a real date, like 27/03/2026` });
    return iso;
  };
  const action = one("action");
  const outcome = one("outcome");
  let from = date("from", "The date from");
  let to = date("to", "The date to");
  if (from && to && from > to) {
    problems.push({ field: "to", message: "The date to must be the same as or after the date from" });
    from = null;
    to = null;
  }
  const page = (k: string) => {
    const n = Number(one(k));
    return Number.isSafeInteger(n) && n > 0 ? n : undefined;
  };
  return {
    filters: {
      child: text(100).parse(one("child")),
      user: text(200).parse(one("user")),
      action: ACTION_VALUES.has(action) ? action : "",
      outcome: AUDIT_OUTCOMES.some((o) => o.value === outcome) ? (outcome as AuditOutcome) : "",
      from,
      to,
      flaggedOnly: one("flagged") === "1",
    },
    problems,
    before: page("before"),
    after: page("after"),
  };
}

/** The filters back into a query string (for paging links, the export link and the form). */
export function auditFilterParams(f: AuditFilters): Record<string, string> {
  const uk = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
  return {
    ...(f.child ? { child: f.child } : {}),
    ...(f.user ? { user: f.user } : {}),
    ...(f.action ? { action: f.action } : {}),
    ...(f.outcome ? { outcome: f.outcome } : {}),
    ...(f.from ? { from: uk(f.from) } : {}),
    ...(f.to ? { to: uk(f.to) } : {}),
    ...(f.flaggedOnly ? { flagged: "1" } : {}),
  };
}

export const hasFilters = (f: AuditFilters) => Object.keys(auditFilterParams(f)).length > 0;
