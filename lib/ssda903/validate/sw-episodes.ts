// Rules on allocated social worker spells: valid identifiers, dates and reasons, no gaps or
// duplicates, and spells covering the year for every child looked after on 31 March.
import { blank, given, parseDate, rowRule, rule, type Ctx, type Rule } from "./core";
import { SW_REASON_CODES } from "./codesets";

type Spell = { i: number; from: number | null; to: number | null; reason: string };

const built = new WeakMap<Ctx, Map<string, Spell[]>>();

/** Each child's spells in date order, built once per run and shared by the rules. */
function spells(ctx: Ctx): Map<string, Spell[]> {
  const hit = built.get(ctx);
  if (hit) return hit;
  const out = new Map<string, Spell[]>();
  built.set(ctx, out);
  for (const [child, idx] of ctx.by("sw_episodes")) {
    const list = idx
      .map((i) => {
        const r = ctx.t.sw_episodes[i];
        return {
          i,
          from: r ? parseDate(r.SW_DECOM) : null,
          to: r ? parseDate(r.SW_DEC) : null,
          reason: r?.SW_REASON ?? "",
        };
      })
      .sort((a, b) => (a.from ?? -1e9) - (b.from ?? -1e9) || (a.to ?? 1e9) - (b.to ?? 1e9) || a.i - b.i);
    out.set(child, list);
  }
  return out;
}

export const SW_RULES: Rule[] = [
  rowRule(
    "SW02STG1",
    "The social worker ID must begin with SW (or XX) and be at least four characters",
    "sw_episodes",
    ["SW_ID"],
    (r) => !(r.SW_ID.startsWith("SW") || r.SW_ID.startsWith("XX")) || r.SW_ID.length < 4,
  ),
  rowRule(
    "SW04STG1",
    "The date the social worker spell started is missing or is not a real date (dd/mm/yyyy)",
    "sw_episodes",
    ["SW_DECOM"],
    (r) => parseDate(r.SW_DECOM) === null,
  ),
  rowRule(
    "SW05STG1",
    "The date the social worker spell ended is not a real date (dd/mm/yyyy)",
    "sw_episodes",
    ["SW_DEC"],
    (r) => given(r.SW_DEC) && parseDate(r.SW_DEC) === null,
  ),
  rowRule(
    "SW18STG2",
    "The social worker spell ends on or before the day it starts",
    "sw_episodes",
    ["SW_DEC", "SW_DECOM"],
    (r) => {
      const a = parseDate(r.SW_DECOM);
      const b = parseDate(r.SW_DEC);
      return a !== null && b !== null && !(b > a);
    },
  ),
  rowRule(
    "SW09STG2",
    "The social worker spell appears to have lasted less than a few days",
    "sw_episodes",
    ["SW_DECOM", "SW_DEC"],
    (r) => {
      const a = parseDate(r.SW_DECOM);
      const b = parseDate(r.SW_DEC);
      return a !== null && b !== null && b - a < 3;
    },
  ),
  rule({
    code: "SW13STG1",
    message: "The reason for the change of social worker is missing or not a valid code",
    table: "sw_episodes",
    fields: ["SW_REASON"],
    check: (ctx) => {
      const out: number[] = [];
      for (const list of spells(ctx).values()) {
        // A spell already open when the year began may have no reason: it is the first one known.
        const before = list.filter((s) => s.from !== null && s.from < ctx.start);
        const lastBefore = before[before.length - 1];
        const allowed =
          lastBefore && (lastBefore.to === null || lastBefore.to >= ctx.start)
            ? lastBefore.i
            : list.find((s) => s.from !== null && s.from >= ctx.start)?.i;
        for (const s of list)
          if (!SW_REASON_CODES.has(s.reason) && !(blank(s.reason) && s.i === allowed)) out.push(s.i);
      }
      return out;
    },
  }),
  rule({
    code: "SW19STG2",
    message: "Two social worker spells for the child start on the same date",
    table: "sw_episodes",
    fields: ["SW_DECOM"],
    check: (ctx) => {
      const out: number[] = [];
      for (const idx of ctx.by("sw_episodes").values()) {
        const seen = new Set<string>();
        for (const i of idx) {
          const v = ctx.t.sw_episodes[i]?.SW_DECOM ?? "";
          if (seen.has(v)) out.push(i);
          seen.add(v);
        }
      }
      return out;
    },
  }),
  rule({
    code: "SW10aSTG2",
    message: "A new social worker spell does not start within 7 days of the end of the previous one",
    table: "sw_episodes",
    fields: ["SW_DECOM"],
    fromYear: 2026,
    check: (ctx) => {
      const out: number[] = [];
      for (const list of spells(ctx).values())
        for (let k = 1; k < list.length; k++) {
          const p = list[k - 1];
          const c = list[k];
          if (!p || !c || c.reason === "FCONTA" || p.to === null || c.from === null) continue;
          if (c.from < p.to - 7 || c.from > p.to + 7) out.push(c.i);
        }
      return out;
    },
  }),
  rule({
    code: "SW10bSTG2",
    message: "A social worker spell for first contact starts before the previous spell ended",
    table: "sw_episodes",
    fields: ["SW_DECOM", "SW_REASON"],
    fromYear: 2026,
    check: (ctx) => {
      const out: number[] = [];
      for (const list of spells(ctx).values())
        for (let k = 1; k < list.length; k++) {
          const p = list[k - 1];
          const c = list[k];
          if (p && c && c.reason === "FCONTA" && c.from !== null && (p.to === null || c.from <= p.to)) out.push(c.i);
        }
      return out;
    },
  }),
  rule({
    code: "SW17STG2",
    message: "The child is looked after on 31 March but no social worker spell is open at 31 March",
    table: "sw_episodes",
    tables: ["sw_episodes", "episodes"],
    fields: ["SW_DEC"],
    fromYear: 2026,
    check: (ctx) => {
      const out: number[] = [];
      for (const [child, list] of spells(ctx)) {
        const last = list[list.length - 1];
        if (ctx.atEnd.has(child) && last && last.to !== null && last.to <= ctx.end) out.push(last.i);
      }
      return out;
    },
  }),
  rule({
    code: "SW01STG1",
    message: "The child is looked after on 31 March but no social worker spell is recorded",
    table: "episodes",
    tables: ["episodes", "sw_episodes"],
    fields: ["DEC", "SW_ID"],
    check: (ctx) => {
      const out: number[] = [];
      const sw = ctx.by("sw_episodes");
      for (const [child, list] of ctx.eps) {
        if (!ctx.atEnd.has(child)) continue;
        const rows = (sw.get(child) ?? []).map((i) => ctx.t.sw_episodes[i]);
        const complete = rows.some((r) => r !== undefined && given(r.SW_ID) && given(r.SW_DECOM));
        const open = list.find((e) => blank(e.r.DEC));
        if (!complete && open) out.push(open.i);
      }
      return out;
    },
  }),
  rule({
    code: "SW12STG2",
    message:
      "The child is looked after on 31 March, but the social worker spells do not cover the year from the start of care",
    table: "episodes",
    tables: ["episodes", "sw_episodes", "header"],
    fields: ["SW_DECOM", "DECOM"],
    check: (ctx) => {
      const out: number[] = [];
      const all = spells(ctx);
      for (const [child, list] of ctx.eps) {
        if (!ctx.atEnd.has(child)) continue;
        const open = list.find((e) => blank(e.r.DEC));
        const sw = all.get(child) ?? [];
        // The period of care the child is in now: back from the open episode while episodes join up.
        let k = list.length - 1;
        while (k > 0 && list[k - 1]?.dec !== null && list[k - 1]?.dec === list[k]?.decom) k--;
        const careStart = list[k]?.decom ?? null;
        const dob = ctx.dob(child);
        const from = Math.max(ctx.start, careStart ?? ctx.start, dob ?? ctx.start);
        const first = sw[0]?.from ?? null;
        if (open && sw.length > 0 && (first === null || first > from)) out.push(open.i);
      }
      return out;
    },
  }),
];
