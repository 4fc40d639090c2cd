// Rules on adoption: AD1 (the adoption itself), decisions to place for adoption, and previous
// permanence options.
import { ADOPTION_PLACEMENTS, blank, given, parseDate, rowRule, rule, type Ctx, type Ep, type Rule } from "./core";
import {
  LA_PERM_CODES,
  LS_ADOPTR_CODES,
  PREV_PERM_CODES,
  REASON_PLACED_CEASED_CODES,
  SEX_ADOPTR_CODES,
} from "./codesets";
import type { Row } from "../tables";

const AD1_ITEMS = ["DATE_INT", "DATE_MATCH", "FOSTER_CARE", "NB_ADOPTR", "SEX_ADOPTR", "LS_ADOPTR"] as const;
const ad1Data = (r: Row<"ad1">): boolean => AD1_ITEMS.some((f) => given(r[f]));
const isAdopted = (e: Ep): boolean => e.r.REC === "E11" || e.r.REC === "E12";
const adoptedInYear = (ctx: Ctx, child: string): boolean =>
  (ctx.eps.get(child) ?? []).some((e) => isAdopted(e) && e.dec !== null && e.dec >= ctx.start && e.dec <= ctx.end);

/** The child's rows in another table, as rows. */
function rowsOf<T extends "ad1" | "placed_for_adoption">(ctx: Ctx, table: T, child: string): Row<T>[] {
  const rows = ctx.t[table] as Row<T>[];
  return (ctx.by(table).get(child) ?? []).map((i) => rows[i]).filter((r): r is Row<T> => r !== undefined);
}

const validDate = (code: string, message: string, table: "ad1" | "placed_for_adoption", field: string): Rule =>
  rule({
    code,
    message,
    table,
    fields: [field],
    check: (ctx) => {
      const out: number[] = [];
      (ctx.t[table] as Record<string, string>[]).forEach((r, i) => {
        const v = r[field] ?? "";
        if (given(v) && parseDate(v) === null) out.push(i);
      });
      return out;
    },
  });

/** A DATE_PERM: dd/mm/yyyy, or with unknown parts as ZZ from the left (ZZ/ZZ/ZZZZ when wholly unknown). */
function permDate(v: string): number | "unknown" | "invalid" {
  if (v === "ZZ/ZZ/ZZZZ") return "unknown";
  const m = /^(\d{2}|ZZ)\/(\d{2}|ZZ)\/(\d{4})$/.exec(v);
  if (!m) return "invalid";
  const [, d, mo, y] = m;
  if (d === "ZZ" && mo !== "ZZ") {
    const first = parseDate(`01/${mo}/${y}`);
    return first === null ? "invalid" : first;
  }
  if (d === "ZZ" && mo === "ZZ") return parseDate(`01/01/${y}`) ?? "invalid";
  return parseDate(v) ?? "invalid";
}

export const ADOPTION_RULES: Rule[] = [
  // AD1 on its own
  validDate(
    "112",
    "The date the child should be placed for adoption is not a real date (dd/mm/yyyy)",
    "ad1",
    "DATE_INT",
  ),
  validDate("113", "The date the child was matched with adopters is not a real date (dd/mm/yyyy)", "ad1", "DATE_MATCH"),
  rowRule(
    "114",
    "Whether the adopters were the child's foster carers must be 0 or 1",
    "ad1",
    ["FOSTER_CARE"],
    (r) => given(r.FOSTER_CARE) && !["0", "1"].includes(r.FOSTER_CARE),
  ),
  rowRule(
    "175",
    "The number of adopters must be 1 or 2",
    "ad1",
    ["NB_ADOPTR"],
    (r) => given(r.NB_ADOPTR) && !["1", "2"].includes(r.NB_ADOPTR),
  ),
  rowRule(
    "176",
    "The sex of the adopters is not a valid code",
    "ad1",
    ["SEX_ADOPTR"],
    (r) => given(r.SEX_ADOPTR) && !SEX_ADOPTR_CODES.has(r.SEX_ADOPTR),
  ),
  rowRule(
    "177",
    "The legal status of the adopters is not a valid code",
    "ad1",
    ["LS_ADOPTR"],
    (r) => given(r.LS_ADOPTR) && !LS_ADOPTR_CODES.has(r.LS_ADOPTR),
  ),
  rowRule(
    "151",
    "All the adoption items must be completed or all left blank",
    "ad1",
    [...AD1_ITEMS],
    (r) => ad1Data(r) && AD1_ITEMS.some((f) => blank(r[f])),
  ),
  rowRule(
    "333",
    "The date the child should be placed for adoption must be on or before the date of matching",
    "ad1",
    ["DATE_INT", "DATE_MATCH"],
    (r) => {
      const m = parseDate(r.DATE_MATCH);
      const i = parseDate(r.DATE_INT);
      return m !== null && (blank(r.DATE_INT) || (i !== null && i > m));
    },
  ),
  rowRule(
    "511",
    "Two adopters must be recorded as a couple (MM, FF or MF)",
    "ad1",
    ["NB_ADOPTR", "SEX_ADOPTR"],
    (r) => r.NB_ADOPTR === "2" && (r.SEX_ADOPTR === "M1" || r.SEX_ADOPTR === "F1"),
  ),
  rowRule(
    "514",
    "A single adopter must be recorded as M1 or F1",
    "ad1",
    ["LS_ADOPTR", "SEX_ADOPTR"],
    (r) => r.LS_ADOPTR === "L0" && !["M1", "F1"].includes(r.SEX_ADOPTR),
  ),
  rowRule(
    "517",
    "Adopters who are an unmarried couple of different sexes (L3) must be recorded as MF",
    "ad1",
    ["LS_ADOPTR", "SEX_ADOPTR"],
    (r) => r.LS_ADOPTR === "L3" && r.SEX_ADOPTR !== "MF",
  ),
  rowRule(
    "518",
    "Adopters who are an unmarried same-sex couple (L4) must be recorded as MM or FF",
    "ad1",
    ["LS_ADOPTR", "SEX_ADOPTR"],
    (r) => r.LS_ADOPTR === "L4" && !["MM", "FF"].includes(r.SEX_ADOPTR),
  ),
  rowRule(
    "519",
    "Adopters in a civil partnership (L2) must be recorded as a couple",
    "ad1",
    ["LS_ADOPTR", "SEX_ADOPTR"],
    (r) => r.LS_ADOPTR === "L2" && !["MM", "FF", "MF"].includes(r.SEX_ADOPTR),
  ),
  rowRule(
    "520",
    "Adopters who are a married couple of different sexes (L11) must be recorded as MF",
    "ad1",
    ["LS_ADOPTR", "SEX_ADOPTR"],
    (r) => r.LS_ADOPTR === "L11" && r.SEX_ADOPTR !== "MF",
  ),
  rowRule(
    "524",
    "Adopters who are a married same-sex couple (L12) must be recorded as MM or FF",
    "ad1",
    ["LS_ADOPTR", "SEX_ADOPTR"],
    (r) => r.LS_ADOPTR === "L12" && !["MM", "FF"].includes(r.SEX_ADOPTR),
  ),

  // AD1 against the episodes
  rowRule(
    "601",
    "The child was adopted this year but the adoption items are not all completed",
    "ad1",
    [...AD1_ITEMS],
    (r, ctx) => adoptedInYear(ctx, r.CHILD) && AD1_ITEMS.some((f) => blank(r[f])),
    { tables: ["ad1", "episodes"] },
  ),
  rowRule(
    "602",
    "Adoption items are completed but the episodes do not show the child was adopted this year",
    "ad1",
    ["CHILD"],
    (r, ctx) => ad1Data(r) && !adoptedInYear(ctx, r.CHILD),
    { tables: ["ad1", "episodes"] },
  ),
  rowRule(
    "331",
    "The date of matching with adopters must be on or before the date the child was placed for adoption",
    "ad1",
    ["DATE_MATCH", "DECOM"],
    (r, ctx) => {
      const m = parseDate(r.DATE_MATCH);
      return m !== null && (ctx.eps.get(r.CHILD) ?? []).some((e) => isAdopted(e) && e.decom !== null && m > e.decom);
    },
    { tables: ["ad1", "episodes"] },
  ),
  rowRule(
    "521",
    "The date the child should be placed for adoption must be on or before the date they were placed",
    "ad1",
    ["DATE_INT", "DECOM"],
    (r, ctx) => {
      const d = parseDate(r.DATE_INT);
      return (
        d !== null &&
        (ctx.eps.get(r.CHILD) ?? []).some((e) => ADOPTION_PLACEMENTS.has(e.r.PLACE) && e.decom !== null && d > e.decom)
      );
    },
    { tables: ["ad1", "episodes"] },
  ),
  rowRule(
    "334",
    "The date the child should be placed for adoption is before the child started to be looked after in this period of care",
    "ad1",
    ["DATE_INT", "DECOM"],
    (r, ctx) => {
      const d = parseDate(r.DATE_INT);
      const starts = (ctx.eps.get(r.CHILD) ?? []).filter((e) => e.r.RNE === "S" && e.decom !== null);
      const last = starts[starts.length - 1];
      return d !== null && last !== undefined && last.decom !== null && d < last.decom;
    },
    { tables: ["ad1", "episodes"] },
  ),
  rowRule(
    "335",
    "Whether the adopters were the foster carers does not match the adoption placement type",
    "ad1",
    ["PLACE", "FOSTER_CARE"],
    (r, ctx) =>
      (ctx.eps.get(r.CHILD) ?? []).some(
        (e) =>
          isAdopted(e) &&
          (((e.r.PLACE === "A3" || e.r.PLACE === "A5") && r.FOSTER_CARE === "0") ||
            ((e.r.PLACE === "A4" || e.r.PLACE === "A6") && r.FOSTER_CARE === "1")),
      ),
    { tables: ["ad1", "episodes"] },
  ),
  rowRule(
    "523",
    "The date the child should be placed for adoption differs from the date of the decision to place",
    "ad1",
    ["DATE_INT", "DATE_PLACED"],
    (r, ctx) => {
      const d = parseDate(r.DATE_INT);
      return (
        d !== null &&
        rowsOf(ctx, "placed_for_adoption", r.CHILD).some((p) => {
          const dp = parseDate(p.DATE_PLACED);
          return dp !== null && dp !== d;
        })
      );
    },
    { tables: ["ad1", "placed_for_adoption"] },
  ),
  rowRule(
    "525",
    "The decision to place the child for adoption was reversed, so the child cannot be adopted this year",
    "ad1",
    [...AD1_ITEMS, "DATE_PLACED_CEASED"],
    (r, ctx) => ad1Data(r) && rowsOf(ctx, "placed_for_adoption", r.CHILD).some((p) => given(p.DATE_PLACED_CEASED)),
    { tables: ["ad1", "placed_for_adoption"] },
  ),

  // Decisions to place for adoption
  validDate(
    "115",
    "The date of the decision that the child should be placed for adoption is not a real date (dd/mm/yyyy)",
    "placed_for_adoption",
    "DATE_PLACED",
  ),
  validDate(
    "116",
    "The date of the decision that the child should no longer be placed for adoption is not a real date (dd/mm/yyyy)",
    "placed_for_adoption",
    "DATE_PLACED_CEASED",
  ),
  rowRule(
    "119",
    "When the decision to place for adoption ends, give both its date and its reason",
    "placed_for_adoption",
    ["REASON_PLACED_CEASED", "DATE_PLACED_CEASED"],
    (r) => blank(r.DATE_PLACED_CEASED) !== blank(r.REASON_PLACED_CEASED),
  ),
  rowRule(
    "120",
    "The reason the decision to place for adoption ended is not a valid code",
    "placed_for_adoption",
    ["REASON_PLACED_CEASED"],
    (r) => given(r.REASON_PLACED_CEASED) && !REASON_PLACED_CEASED_CODES.has(r.REASON_PLACED_CEASED),
  ),
  rowRule(
    "522",
    "The decision to place for adoption must be on or before the decision that the child should no longer be placed",
    "placed_for_adoption",
    ["DATE_PLACED", "DATE_PLACED_CEASED"],
    (r) => {
      const a = parseDate(r.DATE_PLACED);
      const b = parseDate(r.DATE_PLACED_CEASED);
      return a !== null && b !== null && b < a;
    },
  ),
  rowRule(
    "563",
    "The decision to place for adoption has ended but the date of the decision itself is blank",
    "placed_for_adoption",
    ["DATE_PLACED", "REASON_PLACED_CEASED", "DATE_PLACED_CEASED"],
    (r) => given(r.REASON_PLACED_CEASED) && given(r.DATE_PLACED_CEASED) && blank(r.DATE_PLACED),
  ),
  rowRule(
    "184",
    "The decision to place for adoption is dated before the child was born",
    "placed_for_adoption",
    ["DATE_PLACED", "DOB"],
    (r, ctx) => {
      const d = parseDate(r.DATE_PLACED);
      const dob = ctx.dob(r.CHILD);
      return d !== null && dob !== null && d < dob;
    },
    { tables: ["placed_for_adoption", "header"] },
  ),
  rule({
    code: "579",
    message: "A new decision to place for adoption starts while the previous one is still open, or they overlap",
    table: "placed_for_adoption",
    fields: ["DATE_PLACED", "DATE_PLACED_CEASED"],
    check: (ctx) => {
      const out: number[] = [];
      for (const idx of ctx.by("placed_for_adoption").values()) {
        const list = idx
          .map((i) => ({ i, r: ctx.t.placed_for_adoption[i] }))
          .filter((x): x is { i: number; r: Row<"placed_for_adoption"> } => x.r !== undefined)
          .map((x) => ({ ...x, at: parseDate(x.r.DATE_PLACED) ?? -1e9, ceased: parseDate(x.r.DATE_PLACED_CEASED) }))
          .sort((a, b) => a.at - b.at || a.i - b.i);
        for (let k = 1; k < list.length; k++) {
          const p = list[k - 1];
          const c = list[k];
          if (p && c && (p.ceased === null || c.at < p.ceased)) out.push(c.i);
        }
      }
      return out;
    },
  }),
  rowRule(
    "117",
    "A decision about adoption is dated after the end of the year or after the child left care",
    "placed_for_adoption",
    ["DATE_PLACED", "DATE_PLACED_CEASED", "DEC"],
    (r, ctx) => {
      const dates = [parseDate(r.DATE_PLACED), parseDate(r.DATE_PLACED_CEASED)].filter((d): d is number => d !== null);
      const leaving = (ctx.eps.get(r.CHILD) ?? []).filter((e) => e.r.REC !== "X1" && e.decom !== null);
      const latest = leaving[leaving.length - 1];
      return dates.some((d) => d > ctx.end || (latest !== undefined && latest.dec !== null && d > latest.dec));
    },
    { tables: ["placed_for_adoption", "episodes"] },
  ),
  rowRule(
    "118",
    "The decision that the child should no longer be placed for adoption is before the year began or before the child was looked after",
    "placed_for_adoption",
    ["DATE_PLACED_CEASED"],
    (r, ctx) => {
      const d = parseDate(r.DATE_PLACED_CEASED);
      if (d === null) return false;
      const first = (ctx.eps.get(r.CHILD) ?? []).find((e) => e.r.LS !== "V3" && e.r.LS !== "V4" && e.decom !== null);
      return d < ctx.start || (first !== undefined && first.decom !== null && d < first.decom);
    },
    { tables: ["placed_for_adoption", "episodes"] },
  ),
  rowRule(
    "1003",
    "The decision to place for adoption is dated before the child started to be looked after",
    "placed_for_adoption",
    ["DATE_PLACED", "DECOM"],
    (r, ctx) => {
      const d = parseDate(r.DATE_PLACED);
      const first = (ctx.eps.get(r.CHILD) ?? []).find((e) => e.r.RNE === "S" && e.decom !== null);
      return d !== null && first !== undefined && first.decom !== null && d < first.decom;
    },
    { tables: ["placed_for_adoption", "episodes"] },
  ),
  rowRule(
    "552",
    "The decision to place for adoption must be on or before the date the child was placed for adoption",
    "placed_for_adoption",
    ["DATE_PLACED", "DECOM"],
    (r, ctx) => {
      const d = parseDate(r.DATE_PLACED);
      const first = (ctx.eps.get(r.CHILD) ?? []).find((e) => ADOPTION_PLACEMENTS.has(e.r.PLACE) && e.decom !== null);
      return d !== null && first !== undefined && first.decom !== null && first.decom < d;
    },
    { tables: ["placed_for_adoption", "episodes"] },
  ),
  rowRule(
    "554",
    "The decision to place for adoption must be on or before the date the placement order was granted",
    "placed_for_adoption",
    ["DATE_PLACED", "DECOM", "LS"],
    (r, ctx) => {
      const d = parseDate(r.DATE_PLACED);
      const first = (ctx.eps.get(r.CHILD) ?? []).find((e) => e.r.LS === "E1" && e.decom !== null);
      return d !== null && first !== undefined && first.decom !== null && d > first.decom;
    },
    { tables: ["placed_for_adoption", "episodes"] },
  ),
  rowRule(
    "558",
    "The child was adopted, so the decision to place for adoption should not have an end date",
    "placed_for_adoption",
    ["DATE_PLACED_CEASED", "REC"],
    (r, ctx) => given(r.DATE_PLACED_CEASED) && (ctx.eps.get(r.CHILD) ?? []).some(isAdopted),
    { tables: ["placed_for_adoption", "episodes"] },
  ),
  rule({
    code: "551",
    message: "The child is placed for adoption but there is no date of the decision that they should be placed",
    table: "episodes",
    tables: ["episodes", "placed_for_adoption"],
    fields: ["DATE_PLACED", "PLACE"],
    check: (ctx) => {
      const out: number[] = [];
      for (const [child, list] of ctx.eps) {
        const decided = rowsOf(ctx, "placed_for_adoption", child).some((p) => given(p.DATE_PLACED));
        if (!decided) for (const e of list) if (ADOPTION_PLACEMENTS.has(e.r.PLACE)) out.push(e.i);
      }
      return out;
    },
  }),
  rule({
    code: "553",
    message: "A placement order is recorded but there is no decision that the child should be placed for adoption",
    table: "episodes",
    tables: ["episodes", "placed_for_adoption"],
    fields: ["LS", "DATE_PLACED"],
    check: (ctx) => {
      const out: { table: "episodes" | "placed_for_adoption"; row: number; fields: string[] }[] = [];
      for (const [child, list] of ctx.eps) {
        const pa = ctx.by("placed_for_adoption").get(child) ?? [];
        for (const e of list) {
          if (e.r.LS !== "E1") continue;
          if (pa.length === 0) out.push({ table: "episodes", row: e.i, fields: ["LS"] });
          else if (blank(e.r.DEC))
            for (const i of pa) {
              const p = ctx.t.placed_for_adoption[i];
              if (p && (given(p.DATE_PLACED_CEASED) || given(p.REASON_PLACED_CEASED)))
                out.push({
                  table: "placed_for_adoption",
                  row: i,
                  fields: ["DATE_PLACED_CEASED", "REASON_PLACED_CEASED"],
                });
            }
        }
      }
      return out;
    },
  }),
  rule({
    code: "557",
    message:
      "The child left care without being adopted after a decision to place for adoption, but the end of that decision is not recorded",
    table: "episodes",
    tables: ["episodes", "placed_for_adoption"],
    fields: ["DATE_PLACED_CEASED", "REASON_PLACED_CEASED", "PLACE", "LS", "REC"],
    check: (ctx) => {
      const out: number[] = [];
      for (const [child, list] of ctx.eps) {
        const pa = rowsOf(ctx, "placed_for_adoption", child);
        const incomplete =
          pa.length === 0 || pa.some((p) => blank(p.DATE_PLACED_CEASED) || blank(p.REASON_PLACED_CEASED));
        for (const e of list) {
          const placed = ADOPTION_PLACEMENTS.has(e.r.PLACE) || e.r.LS === "D1" || e.r.LS === "E1";
          const notAdopted = given(e.r.REC) && e.r.REC !== "X1" && !isAdopted(e);
          if (placed && notAdopted && incomplete) out.push(e.i);
        }
      }
      return out;
    },
  }),

  // Previous permanence
  rowRule(
    "631",
    "The previous permanence option is not a valid code",
    "previous_permanence",
    ["PREV_PERM"],
    (r) => given(r.PREV_PERM) && !PREV_PERM_CODES.has(r.PREV_PERM),
  ),
  rowRule(
    "633",
    "The authority that arranged the previous permanence option is not a valid authority code",
    "previous_permanence",
    ["LA_PERM"],
    (r) => given(r.LA_PERM) && !LA_PERM_CODES.has(r.LA_PERM),
  ),
  rowRule(
    "635",
    "A date or authority is recorded for the previous permanence option, but the option itself is blank",
    "previous_permanence",
    ["LA_PERM", "DATE_PERM", "PREV_PERM"],
    (r) => (given(r.LA_PERM) || given(r.DATE_PERM)) && blank(r.PREV_PERM),
  ),
  rowRule(
    "632",
    "The date of the previous permanence order is not valid (dd/mm/yyyy, ZZ for unknown parts) or is not before the child's first episode",
    "previous_permanence",
    ["DATE_PERM", "DECOM"],
    (r, ctx) => {
      if (blank(r.DATE_PERM)) return false;
      const d = permDate(r.DATE_PERM);
      if (d === "invalid") return true;
      if (d === "unknown") return false;
      const first = (ctx.eps.get(r.CHILD) ?? [])[0];
      return first !== undefined && first.decom !== null && d >= first.decom;
    },
    { tables: ["previous_permanence", "episodes"] },
  ),
  rowRule(
    "634",
    "Previous permanence is recorded but the child has not started to be looked after during this year",
    "previous_permanence",
    ["PREV_PERM", "DECOM"],
    (r, ctx) => {
      const list = ctx.eps.get(r.CHILD) ?? [];
      const last = list.reduce<number | null>(
        (m, e) => (e.decom !== null && (m === null || e.decom > m) ? e.decom : m),
        null,
      );
      return (given(r.PREV_PERM) || given(r.LA_PERM) || given(r.DATE_PERM)) && last !== null && last < ctx.start;
    },
    { tables: ["previous_permanence", "episodes"] },
  ),
  rule({
    code: "630",
    message: "The child started to be looked after this year, so the previous permanence option must be recorded",
    table: "episodes",
    tables: ["episodes", "previous_permanence"],
    fields: ["RNE", "PREV_PERM"],
    check: (ctx) => {
      const out: number[] = [];
      for (const [child, list] of ctx.eps) {
        const pp = (ctx.by("previous_permanence").get(child) ?? []).map((i) => ctx.t.previous_permanence[i]);
        for (const e of list) {
          if (e.r.RNE !== "S" || e.decom === null || e.decom < ctx.start) continue;
          const ok =
            pp.length > 0 &&
            pp.every(
              (p) =>
                p !== undefined &&
                given(p.PREV_PERM) &&
                (p.PREV_PERM === "Z1" || (given(p.LA_PERM) && given(p.DATE_PERM))),
            );
          if (!ok) out.push(e.i);
        }
      }
      return out;
    },
  }),
];
