// Rules on missing and away-without-authorisation periods: valid dates and codes, inside the
// collection year and the period of care, and never overlapping.
import { blank, given, parseDate, rowRule, rule, type Ctx, type Rule } from "./core";
import { MISSING_CODES } from "./codesets";

/** A child's periods of care: runs of episodes with no gap, as [start, end or null when open]. */
function periodsOfCare(ctx: Ctx, child: string): { from: number; to: number | null }[] {
  const out: { from: number; to: number | null }[] = [];
  for (const e of ctx.eps.get(child) ?? []) {
    if (e.decom === null) continue;
    const last = out[out.length - 1];
    if (last && (last.to === null || e.decom <= last.to))
      last.to = e.dec === null || last.to === null ? null : Math.max(last.to, e.dec);
    else out.push({ from: e.decom, to: e.dec });
  }
  return out;
}

export const MISSING_RULES: Rule[] = [
  rowRule(
    "1004",
    "The date the missing or away period started is missing or is not a real date (dd/mm/yyyy)",
    "missing",
    ["MIS_START"],
    (r) => parseDate(r.MIS_START) === null,
  ),
  rowRule(
    "1005",
    "The date the missing or away period ended is not a real date (dd/mm/yyyy)",
    "missing",
    ["MIS_END"],
    (r) => given(r.MIS_END) && parseDate(r.MIS_END) === null,
  ),
  rowRule(
    "1006",
    "Whether the child was missing (M) or away without authorisation (A) is not a valid code",
    "missing",
    ["MISSING"],
    (r) => given(r.MISSING) && !MISSING_CODES.has(r.MISSING),
  ),
  rowRule(
    "564",
    "The child was missing or away but the start date is blank",
    "missing",
    ["MISSING", "MIS_START"],
    (r) => MISSING_CODES.has(r.MISSING.toUpperCase()) && blank(r.MIS_START),
  ),
  rowRule(
    "565",
    "A start date is given but not whether the child was missing or away",
    "missing",
    ["MISSING", "MIS_START"],
    (r) => given(r.MIS_START) && blank(r.MISSING),
  ),
  rowRule(
    "566",
    "An end date is given but not whether the child was missing or away",
    "missing",
    ["MISSING", "MIS_END"],
    (r) => blank(r.MISSING) && given(r.MIS_END),
  ),
  rowRule("567", "The missing or away period ends before it starts", "missing", ["MIS_START", "MIS_END"], (r) => {
    const a = parseDate(r.MIS_START);
    const b = parseDate(r.MIS_END);
    return a !== null && b !== null && a > b;
  }),
  rowRule(
    "570",
    "The missing or away period starts after the end of the collection year",
    "missing",
    ["MIS_START"],
    (r, ctx) => {
      const a = parseDate(r.MIS_START);
      return a !== null && a > ctx.end;
    },
  ),
  rowRule(
    "571",
    "The missing or away period ends before the start or after the end of the collection year",
    "missing",
    ["MIS_END"],
    (r, ctx) => {
      const b = parseDate(r.MIS_END);
      return b !== null && (b < ctx.start || b > ctx.end);
    },
  ),
  rowRule(
    "586",
    "The missing or away period starts on or before the child's date of birth",
    "missing",
    ["MIS_START"],
    (r, ctx) => {
      const a = parseDate(r.MIS_START);
      const dob = parseDate(r.DOB) ?? ctx.dob(r.CHILD);
      return a !== null && dob !== null && a <= dob;
    },
  ),
  rule({
    code: "574",
    message: "A missing or away period starts while the previous one is still open, or the periods overlap",
    table: "missing",
    fields: ["MIS_START", "MIS_END"],
    check: (ctx) => {
      const out: number[] = [];
      for (const idx of ctx.by("missing").values()) {
        const list = idx
          .map((i) => {
            const r = ctx.t.missing[i];
            return { i, start: r ? parseDate(r.MIS_START) : null, end: r ? parseDate(r.MIS_END) : null };
          })
          .sort((a, b) => (a.start ?? -1e9) - (b.start ?? -1e9) || a.i - b.i);
        for (let k = 1; k < list.length; k++) {
          const p = list[k - 1];
          const c = list[k];
          if (p && c && (p.end === null || (c.start !== null && c.start < p.end))) out.push(c.i);
        }
      }
      return out;
    },
  }),
  rowRule(
    "575",
    "The placement the child went missing from has ended, so the missing or away period needs an end date",
    "missing",
    ["MIS_END"],
    (r, ctx) => {
      const a = parseDate(r.MIS_START);
      return (
        a !== null &&
        blank(r.MIS_END) &&
        (ctx.eps.get(r.CHILD) ?? []).some(
          (e) => e.decom !== null && e.dec !== null && a >= e.decom && a <= e.dec && e.r.REC !== "X1",
        )
      );
    },
    { tables: ["missing", "episodes"] },
  ),
  rowRule(
    "578",
    "The missing or away period starts outside any period the child was looked after",
    "missing",
    ["MIS_START"],
    (r, ctx) => {
      const a = parseDate(r.MIS_START);
      const pocs = periodsOfCare(ctx, r.CHILD);
      return a !== null && pocs.length > 0 && !pocs.some((p) => a >= p.from && (p.to === null || a <= p.to));
    },
    { tables: ["missing", "episodes"] },
  ),
  rowRule(
    "577",
    "The child stopped being looked after but the missing or away period is still open or runs past the end of care",
    "missing",
    ["MIS_END"],
    (r, ctx) => {
      const a = parseDate(r.MIS_START);
      const b = parseDate(r.MIS_END);
      const pocs = periodsOfCare(ctx, r.CHILD);
      if (a === null || pocs.length === 0) return false;
      const home = pocs.find((p) => a >= p.from && (p.to === null || a <= p.to));
      if (!home) return false;
      return home.to !== null && (b === null || b > home.to);
    },
    { tables: ["missing", "episodes"] },
  ),
];
