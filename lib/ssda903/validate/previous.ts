// Rules that compare this year's return with last year's: the child's identity does not change,
// an episode open at 31 March last year carries over unchanged, and so do open decisions and spells.
import { given, parseDate, rowRule, rule, type Ctx, type Ep, type Rule } from "./core";
import type { Column, Row } from "../tables";

const P = { previous: true } as const;

/** Last year's header row for a child. */
function lastHeader(ctx: Ctx, child: string): Row<"header"> | undefined {
  const p = ctx.prev;
  const i = p?.header.get(child);
  return p && i !== undefined ? p.t.header[i] : undefined;
}

/** Last year's final episode for a child when it was still open at 31 March. */
function openLast(ctx: Ctx, child: string): Ep | undefined {
  const list = ctx.prev?.eps.get(child) ?? [];
  const last = list[list.length - 1];
  return last && !given(last.r.DEC) ? last : undefined;
}

function same503(code: string, message: string, field: Column<"episodes">): Rule {
  return rule({
    code,
    message,
    table: "episodes",
    fields: [field],
    previous: true,
    check: (ctx) => {
      const out: number[] = [];
      for (const [child, list] of ctx.eps) {
        const first = list[0];
        const last = openLast(ctx, child);
        if (first && last && first.r[field] !== last.r[field]) out.push(first.i);
      }
      return out;
    },
  });
}

const UN = new Set(["UN1", "UN2", "UN3", "UN4", "UN5"]);

export const PREVIOUS_RULES: Rule[] = [
  rowRule(
    "202",
    "The child's sex differs from last year's return",
    "header",
    ["SEX"],
    (r, ctx) => {
      const h = lastHeader(ctx, r.CHILD);
      return h !== undefined && h.SEX !== r.SEX;
    },
    P,
  ),
  rowRule(
    "203",
    "The child's date of birth differs from last year's return",
    "header",
    ["DOB"],
    (r, ctx) => {
      const h = lastHeader(ctx, r.CHILD);
      return h !== undefined && parseDate(h.DOB) !== parseDate(r.DOB);
    },
    P,
  ),
  rowRule(
    "204",
    "The child's ethnicity differs from last year's return",
    "header",
    ["ETHNIC"],
    (r, ctx) => {
      const h = lastHeader(ctx, r.CHILD);
      return h !== undefined && h.ETHNIC.toUpperCase() !== r.ETHNIC.toUpperCase();
    },
    P,
  ),
  rowRule(
    "207",
    "Last year the child was recorded as a mother, but not this year",
    "header",
    ["MOTHER"],
    (r, ctx) => {
      const h = lastHeader(ctx, r.CHILD);
      return h !== undefined && h.MOTHER === "1" && r.MOTHER !== "1";
    },
    P,
  ),
  rowRule(
    "208",
    "The Unique Pupil Number differs from last year's return",
    "header",
    ["UPN"],
    (r, ctx) => {
      const h = lastHeader(ctx, r.CHILD);
      if (!h) return false;
      const now = r.UPN.toUpperCase();
      const was = h.UPN.toUpperCase();
      if (now === was || (!given(now) && !given(was))) return false;
      // Moving from unknown to known, or from UN1 (under school age) to another unknown code, is expected.
      const wasUnknown = !given(was) || UN.has(was);
      if (wasUnknown && given(now) && !UN.has(now)) return false;
      if ((was === "UN1" || !given(was)) && UN.has(now) && now !== "UN1") return false;
      return !(was === "" && now === "UN1");
    },
    P,
  ),
  rowRule(
    "624",
    "The date of birth of the mother's first child differs from last year's return",
    "header",
    ["MC_DOB"],
    (r, ctx) => {
      const h = lastHeader(ctx, r.CHILD);
      return h !== undefined && given(h.MC_DOB) && h.MC_DOB !== r.MC_DOB;
    },
    P,
  ),
  rule({
    code: "502",
    message: "Last year ended with an open episode, but this year's first episode does not start on the same date",
    table: "episodes",
    fields: ["DECOM"],
    previous: true,
    check: (ctx) => {
      const out: number[] = [];
      for (const [child, list] of ctx.eps) {
        const first = list[0];
        const last = openLast(ctx, child);
        if (first && last && first.decom !== last.decom) out.push(first.i);
      }
      return out;
    },
  }),
  same503(
    "503A",
    "The reason for new episode in the first episode differs from the open episode at the end of last year",
    "RNE",
  ),
  same503("503B", "The legal status in the first episode differs from the open episode at the end of last year", "LS"),
  same503(
    "503C",
    "The category of need in the first episode differs from the open episode at the end of last year",
    "CIN",
  ),
  same503(
    "503D",
    "The placement type in the first episode differs from the open episode at the end of last year",
    "PLACE",
  ),
  same503(
    "503E",
    "The placement provider in the first episode differs from the open episode at the end of last year",
    "PLACE_PROVIDER",
  ),
  same503("503F", "The Ofsted URN in the first episode differs from the open episode at the end of last year", "URN"),
  rule({
    code: "NoE",
    message: "The child started to be looked after before this year but has no episodes in last year's return",
    table: "episodes",
    fields: ["DECOM"],
    previous: true,
    check: (ctx) => {
      const out: number[] = [];
      for (const [child, list] of ctx.eps)
        if (!ctx.prev?.eps.has(child)) for (const e of list) if (e.decom !== null && e.decom < ctx.start) out.push(e.i);
      return out;
    },
  }),
  rule({
    code: "562",
    message: "The first episode started before this year, but last year's return has no matching episode",
    table: "episodes",
    fields: ["DECOM"],
    previous: true,
    check: (ctx) => {
      const out: number[] = [];
      for (const [child, list] of ctx.eps) {
        const first = list[0];
        if (!first || first.decom === null || first.decom >= ctx.start) continue;
        const last = (ctx.prev?.eps.get(child) ?? []).slice(-1)[0];
        if (!last || last.decom !== first.decom) out.push(first.i);
      }
      return out;
    },
  }),
  rowRule(
    "559",
    "The decision to place for adoption was before this year but was not in last year's return",
    "placed_for_adoption",
    ["DATE_PLACED"],
    (r, ctx) => {
      const d = parseDate(r.DATE_PLACED);
      const last = (ctx.prev?.by("placed_for_adoption").get(r.CHILD) ?? []).map(
        (i) => ctx.prev?.t.placed_for_adoption[i],
      );
      return d !== null && d < ctx.start && !last.some((p) => p !== undefined && given(p.DATE_PLACED));
    },
    P,
  ),
  rowRule(
    "560",
    "The decision to place for adoption is dated differently from last year, though it had not ended",
    "placed_for_adoption",
    ["DATE_PLACED", "DATE_PLACED_CEASED"],
    (r, ctx) => {
      const last = (ctx.prev?.by("placed_for_adoption").get(r.CHILD) ?? []).map(
        (i) => ctx.prev?.t.placed_for_adoption[i],
      );
      return last.some(
        (p) =>
          p !== undefined && given(p.DATE_PLACED) && !given(p.DATE_PLACED_CEASED) && p.DATE_PLACED !== r.DATE_PLACED,
      );
    },
    P,
  ),
  rowRule(
    "561",
    "The decision to place for adoption is the same as last year's, which last year's return shows had ended",
    "placed_for_adoption",
    ["DATE_PLACED"],
    (r, ctx) => {
      const last = (ctx.prev?.by("placed_for_adoption").get(r.CHILD) ?? []).map(
        (i) => ctx.prev?.t.placed_for_adoption[i],
      );
      return last.some(
        (p) =>
          p !== undefined &&
          p.DATE_PLACED === r.DATE_PLACED &&
          (given(p.DATE_PLACED_CEASED) || given(p.REASON_PLACED_CEASED)),
      );
    },
    P,
  ),
  rule({
    code: "576",
    message: "Last year's return has an open missing or away period with no matching period at the start of this year",
    table: "missing",
    fields: ["CHILD"],
    previous: true,
    check: (ctx) => {
      const out: number[] = [];
      for (const [child, idx] of ctx.by("missing")) {
        const open = (ctx.prev?.by("missing").get(child) ?? [])
          .map((i) => ctx.prev?.t.missing[i])
          .find((m) => m !== undefined && !given(m.MIS_END));
        if (!open) continue;
        const first = idx
          .map((i) => ({ i, d: parseDate(ctx.t.missing[i]?.MIS_START ?? "") ?? 1e9 }))
          .sort((a, b) => a.d - b.d)[0];
        if (first && first.d !== parseDate(open.MIS_START)) out.push(first.i);
      }
      return out;
    },
  }),
  rowRule(
    "348",
    "Last year's return records that the care leaver had died",
    "oc3",
    ["IN_TOUCH"],
    (r, ctx) => {
      const last = (ctx.prev?.by("oc3").get(r.CHILD) ?? []).map((i) => ctx.prev?.t.oc3[i]);
      return last.some((o) => o?.IN_TOUCH === "DIED") && r.IN_TOUCH !== "DIED";
    },
    P,
  ),
  rowRule(
    "1002",
    "The young person has no episodes this year or last, so should not have care leaver information",
    "oc3",
    ["IN_TOUCH", "ACTIV", "ACCOM"],
    (r, ctx) => !ctx.eps.has(r.CHILD) && !ctx.prev?.eps.has(r.CHILD),
    P,
  ),
  rowRule(
    "1010",
    "Last year ended with an open episode but no episodes are recorded this year, yet care leaver information is",
    "oc3",
    ["IN_TOUCH", "ACTIV", "ACCOM"],
    (r, ctx) => !ctx.eps.has(r.CHILD) && openLast(ctx, r.CHILD) !== undefined,
    P,
  ),
  rule({
    code: "SW16bSTG2",
    message: "The first social worker spell this year does not match the spell open at the end of last year",
    table: "sw_episodes",
    fields: ["SW_DECOM"],
    previous: true,
    check: (ctx) => {
      const out: number[] = [];
      for (const [child, idx] of ctx.by("sw_episodes")) {
        const last = (ctx.prev?.by("sw_episodes").get(child) ?? [])
          .map((i) => ctx.prev?.t.sw_episodes[i])
          .filter((s): s is Row<"sw_episodes"> => s !== undefined)
          .sort((a, b) => (parseDate(b.SW_DECOM) ?? -1e9) - (parseDate(a.SW_DECOM) ?? -1e9))[0];
        if (!last || given(last.SW_DEC)) continue;
        const first = idx
          .map((i) => ({ i, d: parseDate(ctx.t.sw_episodes[i]?.SW_DECOM ?? "") ?? 1e9 }))
          .sort((a, b) => a.d - b.d)[0];
        if (first && first.d !== parseDate(last.SW_DECOM)) out.push(first.i);
      }
      return out;
    },
  }),
];
