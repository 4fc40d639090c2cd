// Rules that tie the modules together: who may have adoption, care leaver and 12-month outcome
// information at once, and data for children with no episodes this year.
import { given, rule, type Hit, type Rule } from "./core";
import type { Row, TableName } from "../tables";

const AD1_ITEMS = ["DATE_INT", "DATE_MATCH", "FOSTER_CARE", "NB_ADOPTR", "SEX_ADOPTR", "LS_ADOPTR"] as const;
const OC3_ITEMS = ["IN_TOUCH", "ACTIV", "ACCOM"] as const;
const ad1Data = (r: Row<"ad1">): boolean => AD1_ITEMS.some((f) => given(r[f]));
const oc3Data = (r: Row<"oc3">): boolean => OC3_ITEMS.some((f) => given(r[f]));

export const CROSS_TABLE_RULES: Rule[] = [
  rule({
    code: "187",
    message: "A child looked after for 12 months at 31 March cannot also have adoption or care leaver information",
    table: "ad1",
    tables: ["ad1", "oc3", "episodes"],
    fields: [...AD1_ITEMS, ...OC3_ITEMS],
    check: (ctx) => {
      const out: Hit[] = [];
      ctx.t.ad1.forEach((r, i) => {
        if (ctx.cla.has(r.CHILD) && ad1Data(r)) out.push({ table: "ad1", row: i, fields: [...AD1_ITEMS] });
      });
      ctx.t.oc3.forEach((r, i) => {
        if (ctx.cla.has(r.CHILD) && oc3Data(r)) out.push({ table: "oc3", row: i, fields: [...OC3_ITEMS] });
      });
      return out;
    },
  }),
  rule({
    code: "134",
    message: "Adoption information should not be recorded for a care leaver",
    table: "ad1",
    tables: ["ad1", "oc3"],
    fields: [...AD1_ITEMS, ...OC3_ITEMS],
    check: (ctx) => {
      const out: number[] = [];
      const oc3 = ctx.by("oc3");
      ctx.t.ad1.forEach((r, i) => {
        const leaver = (oc3.get(r.CHILD) ?? []).some((j) => {
          const o = ctx.t.oc3[j];
          return o !== undefined && oc3Data(o);
        });
        if (leaver && ad1Data(r)) out.push(i);
      });
      return out;
    },
  }),
  rule({
    code: "1012",
    message: "The child has no episodes this year, so no other information should be returned for them",
    table: "reviews",
    tables: ["episodes", "placed_for_adoption", "missing", "reviews", "ad1", "previous_permanence", "oc2"],
    fields: ["CHILD"],
    check: (ctx) => {
      const out: Hit[] = [];
      const tables: TableName[] = ["placed_for_adoption", "missing", "reviews", "ad1", "previous_permanence", "oc2"];
      for (const table of tables) {
        const rows: ReadonlyArray<{ CHILD: string }> = ctx.t[table];
        rows.forEach((r, i) => {
          if (!ctx.eps.has(r.CHILD)) out.push({ table, row: i, fields: ["CHILD"] });
        });
      }
      return out;
    },
  }),
];
