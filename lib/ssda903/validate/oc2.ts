// Rules on OC2, the outcomes of children looked after continuously for 12 months at 31 March:
// the SDQ for ages 4 to 16, the health promotion check under 5, convictions from 10.
import { addYears, blank, given, parseDate, rowRule, rule, type Ctx, type Rule } from "./core";
import { SDQ_REASONS } from "./codesets";
import type { Row } from "../tables";

const HEALTH = ["IMMUNISATIONS", "TEETH_CHECK", "HEALTH_ASSESSMENT", "SUBSTANCE_MISUSE"] as const;
const OTHER = ["CONVICTED", "HEALTH_CHECK", "INTERVENTION_RECEIVED", "INTERVENTION_OFFERED"] as const;
const ALL = [...OTHER.slice(0, 2), ...HEALTH, ...OTHER.slice(2)] as const;

const dobOf = (r: Row<"oc2">, ctx: Ctx): number | null => parseDate(r.DOB) ?? ctx.dob(r.CHILD);
const cla = (r: Row<"oc2">, ctx: Ctx): boolean => ctx.cla.has(r.CHILD);
const T: ["oc2", "episodes"] = ["oc2", "episodes"];

export const OC2_RULES: Rule[] = [
  rowRule(
    "180",
    "The SDQ score must be a whole number from 0 to 40",
    "oc2",
    ["SDQ_SCORE"],
    (r) => given(r.SDQ_SCORE) && !(/^\d{1,2}$/.test(r.SDQ_SCORE) && Number(r.SDQ_SCORE) <= 40),
  ),
  rowRule("181", "The health and outcome items must be 0 or 1", "oc2", [...ALL], (r) =>
    ALL.some((f) => given(r[f]) && r[f] !== "0" && r[f] !== "1"),
  ),
  rowRule(
    "182",
    "Immunisations, teeth check, health assessment and substance misuse must all be completed, or every outcome item left blank",
    "oc2",
    [...ALL],
    (r) => HEALTH.some((f) => blank(r[f])) && OTHER.some((f) => given(r[f])),
  ),
  rowRule(
    "196",
    "The reason for no SDQ score is not a valid code",
    "oc2",
    ["SDQ_REASON"],
    (r) => given(r.SDQ_REASON) && !SDQ_REASONS.has(r.SDQ_REASON),
  ),
  rowRule(
    "197a",
    "A reason for no SDQ score is not needed when the score is given",
    "oc2",
    ["SDQ_SCORE", "SDQ_REASON"],
    (r) => given(r.SDQ_SCORE) && given(r.SDQ_REASON),
  ),
  rowRule(
    "158",
    "Whether an intervention was offered is left blank when one was received",
    "oc2",
    ["INTERVENTION_RECEIVED", "INTERVENTION_OFFERED"],
    (r) => r.INTERVENTION_RECEIVED === "1" && given(r.INTERVENTION_OFFERED),
  ),
  rowRule(
    "159",
    "A substance misuse intervention was not received, so say whether one was offered",
    "oc2",
    ["SUBSTANCE_MISUSE", "INTERVENTION_RECEIVED", "INTERVENTION_OFFERED"],
    (r) => r.SUBSTANCE_MISUSE === "1" && r.INTERVENTION_RECEIVED === "0" && blank(r.INTERVENTION_OFFERED),
  ),
  rowRule(
    "192",
    "A substance misuse problem is recorded, so say whether an intervention was received",
    "oc2",
    ["SUBSTANCE_MISUSE", "INTERVENTION_RECEIVED"],
    (r) => r.SUBSTANCE_MISUSE === "1" && blank(r.INTERVENTION_RECEIVED),
  ),
  rowRule(
    "193",
    "No substance misuse problem is recorded, so the intervention items should be blank",
    "oc2",
    ["SUBSTANCE_MISUSE", "INTERVENTION_RECEIVED", "INTERVENTION_OFFERED"],
    (r) =>
      (blank(r.SUBSTANCE_MISUSE) || r.SUBSTANCE_MISUSE === "0") &&
      (given(r.INTERVENTION_RECEIVED) || given(r.INTERVENTION_OFFERED)),
  ),
  rowRule(
    "544",
    "A child with conviction information needs the immunisation, teeth check, health assessment and substance misuse items too",
    "oc2",
    ["CONVICTED", ...HEALTH],
    (r) => r.CONVICTED === "1" && HEALTH.some((f) => blank(r[f])),
  ),
  rowRule(
    "547",
    "A child with a health promotion check needs the immunisation, teeth check, health assessment and substance misuse items too",
    "oc2",
    ["HEALTH_CHECK", ...HEALTH],
    (r) => r.HEALTH_CHECK === "1" && HEALTH.some((f) => blank(r[f])),
  ),
  rowRule(
    "188",
    "The child was under 4 at the end of the year, so no SDQ score or reason is recorded",
    "oc2",
    ["SDQ_SCORE", "SDQ_REASON"],
    (r, ctx) => {
      const dob = dobOf(r, ctx);
      return dob !== null && addYears(dob, 4) > ctx.end && (given(r.SDQ_SCORE) || given(r.SDQ_REASON));
    },
  ),
  rowRule(
    "189",
    "The young person was 17 or over at the start of the year, so no SDQ score or reason is recorded",
    "oc2",
    ["DOB", "SDQ_SCORE", "SDQ_REASON"],
    (r, ctx) => {
      const dob = dobOf(r, ctx);
      return dob !== null && addYears(dob, 17) <= ctx.start && (given(r.SDQ_SCORE) || given(r.SDQ_REASON));
    },
  ),
  rowRule(
    "542",
    "A child under 10 at 31 March should not have conviction information",
    "oc2",
    ["CONVICTED"],
    (r, ctx) => {
      const dob = dobOf(r, ctx);
      return dob !== null && addYears(dob, 10) > ctx.end && given(r.CONVICTED);
    },
  ),
  // The rules below apply to children looked after continuously for 12 months at 31 March.
  rowRule(
    "185",
    "The child has not been looked after for 12 months at 31 March, so no SDQ score is recorded",
    "oc2",
    ["SDQ_SCORE"],
    (r, ctx) => given(r.SDQ_SCORE) && !cla(r, ctx),
    { tables: T },
  ),
  rowRule(
    "198",
    "The child has not been looked after for 12 months at 31 March, so no reason for a missing SDQ is recorded",
    "oc2",
    ["SDQ_REASON"],
    (r, ctx) => given(r.SDQ_REASON) && !cla(r, ctx),
    { tables: T },
  ),
  rowRule(
    "190",
    "The child has not been looked after for 12 months at 31 March, so the 12-month outcome items are left blank",
    "oc2",
    [...ALL],
    (r, ctx) => !cla(r, ctx) && ALL.some((f) => given(r[f])),
    { tables: T },
  ),
  rowRule(
    "186",
    "A child aged 4 to 16 looked after for 12 months needs an SDQ score",
    "oc2",
    ["SDQ_SCORE"],
    (r, ctx) => {
      const dob = dobOf(r, ctx);
      return (
        cla(r, ctx) &&
        dob !== null &&
        addYears(dob, 4) <= ctx.start &&
        addYears(dob, 17) > ctx.end &&
        blank(r.SDQ_SCORE)
      );
    },
    { tables: T },
  ),
  rowRule(
    "197B",
    "A child who turned 4 or 17 this year needs an SDQ score or a reason for not having one",
    "oc2",
    ["SDQ_REASON", "DOB"],
    (r, ctx) => {
      const dob = dobOf(r, ctx);
      if (!cla(r, ctx) || dob === null || given(r.SDQ_SCORE) || given(r.SDQ_REASON)) return false;
      const in4 = addYears(dob, 4) >= ctx.start && addYears(dob, 4) <= ctx.end;
      const in17 = addYears(dob, 17) >= ctx.start && addYears(dob, 17) <= ctx.end;
      return in4 || in17;
    },
    { tables: T },
  ),
  rowRule(
    "157",
    "The reason for no SDQ score is 'under 4 or over 17', but the child was aged 4 to 16 all year",
    "oc2",
    ["SDQ_REASON", "DOB"],
    (r, ctx) => {
      const dob = dobOf(r, ctx);
      return (
        cla(r, ctx) &&
        dob !== null &&
        addYears(dob, 4) <= ctx.start &&
        addYears(dob, 16) >= ctx.end &&
        blank(r.SDQ_SCORE) &&
        r.SDQ_REASON === "SDQ1"
      );
    },
    { tables: T },
  ),
  rowRule(
    "543",
    "A child aged 10 or over looked after for 12 months needs conviction information",
    "oc2",
    ["DOB", "CONVICTED"],
    (r, ctx) => {
      const dob = dobOf(r, ctx);
      return cla(r, ctx) && dob !== null && ctx.end > addYears(dob, 10) && blank(r.CONVICTED);
    },
    { tables: T },
  ),
  rowRule(
    "545",
    "A child under 5 looked after for 12 months needs the health promotion check",
    "oc2",
    ["DOB", "HEALTH_CHECK"],
    (r, ctx) => {
      const dob = dobOf(r, ctx);
      return cla(r, ctx) && dob !== null && ctx.end < addYears(dob, 5) && blank(r.HEALTH_CHECK);
    },
    { tables: T },
  ),
  rowRule(
    "546",
    "A child aged 5 or over should not have the health promotion check",
    "oc2",
    ["DOB", "HEALTH_CHECK"],
    (r, ctx) => {
      const dob = dobOf(r, ctx);
      return cla(r, ctx) && dob !== null && ctx.end >= addYears(dob, 5) && given(r.HEALTH_CHECK);
    },
    { tables: T },
  ),
  rule({
    code: "191",
    message:
      "The child has been looked after for 12 months at 31 March, so immunisations, teeth check, health assessment and substance misuse are needed",
    table: "oc2",
    tables: ["oc2", "episodes"],
    fields: [...HEALTH],
    check: (ctx) => {
      const out: { table: "oc2" | "episodes"; row: number; fields: string[] }[] = [];
      const have = ctx.by("oc2");
      ctx.t.oc2.forEach((r, i) => {
        if (cla(r, ctx) && HEALTH.some((f) => blank(r[f]))) out.push({ table: "oc2", row: i, fields: [...HEALTH] });
      });
      // A child in the 12-month cohort with no OC2 row at all: point at their first episode.
      for (const child of ctx.cla) {
        const first = (ctx.eps.get(child) ?? [])[0];
        if (!have.has(child) && first) out.push({ table: "episodes", row: first.i, fields: ["CHILD"] });
      }
      return out;
    },
  }),
];
