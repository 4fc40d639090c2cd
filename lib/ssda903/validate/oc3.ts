// Rules on OC3, care leavers aged 17 to 21: valid codes, all-or-nothing, and who may be reported.
import { addYears, blank, given, parseDate, rowRule, rule, type Ctx, type Rule } from "./core";
import { ACCOM_CODES, ACTIV_CODES, IN_TOUCH_CODES } from "./codesets";
import type { Row } from "../tables";

const hasData = (r: Row<"oc3">): boolean => given(r.IN_TOUCH) || given(r.ACTIV) || given(r.ACCOM);
const dobOf = (r: Row<"oc3">, ctx: Ctx): number | null => parseDate(r.DOB) ?? ctx.dob(r.CHILD);
const FIELDS: ("IN_TOUCH" | "ACTIV" | "ACCOM")[] = ["IN_TOUCH", "ACTIV", "ACCOM"];

export const OC3_RULES: Rule[] = [
  rowRule(
    "131",
    "Whether the authority is in touch with the care leaver is missing or not a valid code",
    "oc3",
    ["IN_TOUCH"],
    (r) => !IN_TOUCH_CODES.has(r.IN_TOUCH),
  ),
  rowRule(
    "132",
    "The care leaver's activity is missing or not a valid code",
    "oc3",
    ["ACTIV"],
    (r) => !ACTIV_CODES.has(r.ACTIV),
  ),
  rowRule(
    "133",
    "The care leaver's accommodation is missing or not a valid code",
    "oc3",
    ["ACCOM"],
    (r) => !ACCOM_CODES.has(r.ACCOM),
  ),
  rowRule("153", "In touch, activity and accommodation must all be completed or all left blank", "oc3", FIELDS, (r) => {
    const n = FIELDS.filter((f) => given(r[f])).length;
    return n > 0 && n < 3;
  }),
  rowRule(
    "344",
    "The young person has died or returned home, so activity and accommodation should be blank",
    "oc3",
    FIELDS,
    (r) => (r.IN_TOUCH === "DIED" || r.IN_TOUCH === "RHOM") && (given(r.ACTIV) || given(r.ACCOM)),
  ),
  rowRule(
    "345",
    "The authority is in touch with the young person, so activity and accommodation cannot be 0",
    "oc3",
    FIELDS,
    (r) => r.IN_TOUCH === "YES" && (r.ACTIV === "0" || r.ACCOM === "0"),
  ),
  rowRule(
    "391",
    "The young person was not 17 to 21 during the year, so no care leaver information is recorded",
    "oc3",
    ["DOB", ...FIELDS],
    (r, ctx) => {
      const dob = dobOf(r, ctx);
      return dob !== null && addYears(dob, 17) > ctx.end && hasData(r);
    },
  ),
  rowRule(
    "3001",
    "Around the 17th birthday, the care leaver's accommodation cannot be with former foster carers",
    "oc3",
    ["ACCOM"],
    (r, ctx) => {
      const dob = dobOf(r, ctx);
      const d17 = dob === null ? null : addYears(dob, 17);
      return (r.ACCOM === "Z1" || r.ACCOM === "Z2") && d17 !== null && d17 >= ctx.start && d17 <= ctx.end;
    },
    { tables: ["oc3", "header"] },
  ),
  rowRule(
    "1000",
    "The young person died in care, so no care leaver information is recorded",
    "oc3",
    FIELDS,
    (r, ctx) =>
      (ctx.eps.get(r.CHILD) ?? []).some((e) => e.r.REC === "E2") ||
      (ctx.prev?.eps.get(r.CHILD) ?? []).some((e) => e.r.REC === "E2"),
    { tables: ["oc3", "episodes"] },
  ),
  rowRule(
    "1011",
    "The child's care was transferred to another authority, so no care leaver information is recorded",
    "oc3",
    FIELDS,
    (r, ctx) => {
      const list = ctx.eps.get(r.CHILD) ?? [];
      const last = list[list.length - 1];
      return last !== undefined && last.r.REC === "E3" && hasData(r);
    },
    { tables: ["oc3", "episodes"] },
  ),
  rowRule(
    "1007",
    "Care leaver information is not needed for a 17 or 18 year old who is still looked after",
    "oc3",
    ["DOB", ...FIELDS],
    (r, ctx) => {
      const dob = dobOf(r, ctx);
      if (dob === null || !hasData(r)) return false;
      const age = addYears(dob, 17) <= ctx.end && addYears(dob, 19) > ctx.end;
      return age && (ctx.eps.get(r.CHILD) ?? []).some((e) => blank(e.r.DEC) || blank(e.r.REC));
    },
    { tables: ["oc3", "episodes"] },
  ),
  rule({
    code: "215",
    message: "The young person has care leaver information, so the 12-month outcome items should be blank",
    table: "oc3",
    tables: ["oc3", "oc2"],
    fields: [...FIELDS, "CONVICTED", "HEALTH_CHECK", "IMMUNISATIONS"],
    check: (ctx) => {
      const out: number[] = [];
      const oc2 = ctx.by("oc2");
      ctx.t.oc3.forEach((r, i) => {
        if (!hasData(r)) return;
        const rows = (oc2.get(r.CHILD) ?? []).map((j) => ctx.t.oc2[j]);
        const filled = rows.some(
          (o) =>
            o !== undefined &&
            (
              [
                "CONVICTED",
                "HEALTH_CHECK",
                "IMMUNISATIONS",
                "TEETH_CHECK",
                "HEALTH_ASSESSMENT",
                "SUBSTANCE_MISUSE",
                "INTERVENTION_RECEIVED",
                "INTERVENTION_OFFERED",
              ] as const
            ).some((f) => given(o[f])),
        );
        if (filled) out.push(i);
      });
      return out;
    },
  }),
];
