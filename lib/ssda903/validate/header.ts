// Rules on the child's header row: identity codes, dates of birth, the UPN and motherhood.
import { SHORT_BREAKS, addYears, ageAt, blank, day, given, parseDate, rowRule, rule, type Rule } from "./core";
import { CEASED_CARE, ETHNIC_CODES, SEX_CODES } from "./codesets";

const UPN_RE = /^(?:[A-HJ-NP-RT-Z](?:\d{12}|\d{11}[A-Z])|UN[1-5])$/;
const UPN_UNKNOWN = new Set(["UN1", "UN2", "UN3", "UN4", "UN5"]);

export const HEADER_RULES: Rule[] = [
  rowRule(
    "101",
    "The child's sex is missing or not a valid code (M, F or U)",
    "header",
    ["SEX"],
    (r) => !SEX_CODES.has(r.SEX),
  ),
  rowRule(
    "102",
    "The child's date of birth is missing or is not a real date (dd/mm/yyyy)",
    "header",
    ["DOB"],
    (r) => parseDate(r.DOB) === null,
  ),
  rowRule(
    "103",
    "The child's ethnicity is missing or not a valid code",
    "header",
    ["ETHNIC"],
    (r) => !ETHNIC_CODES.has(r.ETHNIC),
  ),
  rowRule(
    "168",
    "The Unique Pupil Number is not valid: a letter then 12 digits (or 11 digits and a letter), or UN1 to UN5 when unknown",
    "header",
    ["UPN"],
    (r) => given(r.UPN) && !UPN_RE.test(r.UPN),
  ),
  rowRule(
    "171",
    "The date of birth of the mother's child is not a real date (dd/mm/yyyy)",
    "header",
    ["MC_DOB"],
    (r) => given(r.MC_DOB) && parseDate(r.MC_DOB) === null,
  ),
  rowRule(
    "174",
    "A date of birth of the mother's child is recorded but the child is male",
    "header",
    ["SEX", "MC_DOB"],
    (r) => r.SEX === "M" && given(r.MC_DOB),
  ),
  rowRule("301", "The date of birth is after the end of the collection year", "header", ["DOB"], (r, ctx) => {
    const dob = parseDate(r.DOB);
    return dob !== null && dob > ctx.end;
  }),
  rowRule("351", "The young person was over 21 at the start of the collection year", "header", ["DOB"], (r, ctx) => {
    const dob = parseDate(r.DOB);
    return dob !== null && ctx.start > addYears(dob, 21);
  }),
  rowRule(
    "209",
    "The child is of school age and should not have the unknown-UPN code UN1 (under school age)",
    "header",
    ["UPN", "DOB"],
    (r, ctx) => {
      const dob = parseDate(r.DOB);
      return r.UPN === "UN1" && dob !== null && day(31, 8, ctx.year.endYear - 2) >= addYears(dob, 4);
    },
  ),
  rule({
    code: "210",
    message:
      "A child looked after for more than a week at 31 March should not have the unknown-UPN code UN4 (new to the authority)",
    table: "header",
    tables: ["header", "episodes"],
    fields: ["UPN", "DECOM"],
    check: (ctx) => {
      const out: number[] = [];
      const cutoff = day(24, 3, ctx.year.endYear);
      ctx.t.header.forEach((r, i) => {
        if (r.UPN !== "UN4") return;
        const eps = ctx.eps.get(r.CHILD) ?? [];
        if (eps.some((e) => e.decom !== null && e.decom >= cutoff)) out.push(i);
      });
      return out;
    },
  }),
  rowRule(
    "442",
    "The Unique Pupil Number is missing (use UN1 to UN5 when it is not known)",
    "header",
    ["UPN"],
    (r, ctx) => blank(r.UPN) && (ctx.eps.get(r.CHILD) ?? []).some((e) => !SHORT_BREAKS.has(e.r.LS)),
    { tables: ["header", "episodes"] },
  ),
  rule({
    code: "444",
    message: "The same Unique Pupil Number is recorded for more than one child",
    table: "header",
    fields: ["UPN"],
    fromYear: 2026,
    check: (ctx) => {
      const seen = new Map<string, number[]>();
      ctx.t.header.forEach((r, i) => {
        if (blank(r.UPN) || UPN_UNKNOWN.has(r.UPN)) return;
        const list = seen.get(r.UPN);
        if (list) list.push(i);
        else seen.set(r.UPN, [i]);
      });
      return [...seen.values()].filter((l) => l.length > 1).flat();
    },
  }),
  rowRule(
    "165",
    "The mother field must be 1 (is a mother) or 0 (is not), and is not used for boys",
    "header",
    ["MOTHER", "SEX"],
    (r) => given(r.MOTHER) && (!["0", "1"].includes(r.MOTHER) || r.SEX === "M"),
  ),
  rowRule(
    "393",
    "The child is a girl aged 12 or over who is looked after, but whether she is a mother is not recorded",
    "header",
    ["MOTHER"],
    (r, ctx) => {
      if (r.SEX !== "F" || given(r.MOTHER)) return false;
      const dob = parseDate(r.DOB);
      if (dob === null || ageAt(dob, ctx.end) < 12) return false;
      return (ctx.eps.get(r.CHILD) ?? []).some((e) => !SHORT_BREAKS.has(e.r.LS));
    },
    { tables: ["header", "episodes"] },
  ),
  rowRule(
    "607",
    "The child left care this year but whether she is a mother is not recorded",
    "header",
    ["MOTHER", "SEX"],
    (r, ctx) =>
      r.SEX === "F" &&
      blank(r.MOTHER) &&
      (ctx.eps.get(r.CHILD) ?? []).some(
        (e) =>
          CEASED_CARE.has(e.r.REC) &&
          !SHORT_BREAKS.has(e.r.LS) &&
          e.dec !== null &&
          e.dec >= ctx.start &&
          e.dec <= ctx.end,
      ),
    { tables: ["header", "episodes"] },
  ),
  rowRule(
    "611",
    "The child is recorded as a mother but her child's date of birth is missing",
    "header",
    ["MOTHER", "MC_DOB"],
    (r) => r.MOTHER === "1" && blank(r.MC_DOB),
  ),
  rowRule(
    "612",
    "A date of birth of the mother's child is recorded but she is not recorded as a mother",
    "header",
    ["SEX", "MOTHER", "MC_DOB"],
    (r) => r.SEX === "F" && r.MOTHER !== "1" && given(r.MC_DOB),
  ),
  rowRule(
    "620",
    "The child is recorded as a mother but was under 11 at the start of the year",
    "header",
    ["DOB", "MOTHER"],
    (r, ctx) => {
      const dob = parseDate(r.DOB);
      return r.MOTHER === "1" && dob !== null && addYears(dob, 11) > ctx.start;
    },
  ),
  rowRule("621", "The mother is recorded as younger than her child", "header", ["DOB", "MC_DOB"], (r) => {
    const dob = parseDate(r.DOB);
    const mc = parseDate(r.MC_DOB);
    return dob !== null && mc !== null && mc <= dob;
  }),
  rowRule(
    "625",
    "The date of birth of the mother's child is after the end of the year or after she left care",
    "header",
    ["MC_DOB", "DEC"],
    (r, ctx) => {
      const mc = parseDate(r.MC_DOB);
      if (mc === null) return false;
      if (mc > ctx.end) return true;
      const eps = ctx.eps.get(r.CHILD) ?? [];
      const decs = eps.map((e) => e.dec).filter((d): d is number => d !== null);
      const last = decs.length ? Math.max(...decs) : null;
      return last !== null && eps.every((e) => e.dec !== null) && mc > last;
    },
    { tables: ["header", "episodes"] },
  ),
  rowRule(
    "628",
    "Motherhood is not recorded for care leavers who were not looked after during the year",
    "header",
    ["MOTHER"],
    (r, ctx) => {
      if (blank(r.MOTHER) || ctx.eps.has(r.CHILD)) return false;
      const oc3 = ctx.by("oc3").get(r.CHILD) ?? [];
      return oc3.some((i) => {
        const o = ctx.t.oc3[i];
        return o !== undefined && (given(o.IN_TOUCH) || given(o.ACTIV) || given(o.ACCOM));
      });
    },
    { tables: ["header", "episodes", "oc3"] },
  ),
];
