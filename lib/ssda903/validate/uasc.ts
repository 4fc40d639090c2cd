// Rules on unaccompanied asylum-seeking children: UASC status ends by the 18th birthday, and the
// UASC row agrees with the child's header.
import { addYears, given, parseDate, rowRule, type Rule } from "./core";

export const UASC_RULES: Rule[] = [
  rowRule(
    "304",
    "The date UASC status ceased must be on or before the child's 18th birthday",
    "uasc",
    ["DUC"],
    (r, ctx) => {
      const duc = parseDate(r.DUC);
      const dob = parseDate(r.DOB) ?? ctx.dob(r.CHILD);
      return duc !== null && dob !== null && duc > addYears(dob, 18);
    },
  ),
  rowRule(
    "INT18",
    "The date of birth on the UASC record differs from the child's date of birth",
    "uasc",
    ["DOB"],
    (r, ctx) => {
      const dob = ctx.dob(r.CHILD);
      return given(r.DOB) && dob !== null && parseDate(r.DOB) !== dob;
    },
    { tables: ["uasc", "header"] },
  ),
  rowRule(
    "INT21",
    "The sex on the UASC record differs from the child's sex",
    "uasc",
    ["SEX"],
    (r, ctx) => {
      const i = ctx.header.get(r.CHILD);
      const h = i === undefined ? undefined : ctx.t.header[i];
      return h !== undefined && given(r.SEX) && given(h.SEX) && r.SEX !== h.SEX;
    },
    { tables: ["uasc", "header"] },
  ),
  rowRule(
    "UASC01",
    "The date UASC status ceased is not a real date (dd/mm/yyyy)",
    "uasc",
    ["DUC"],
    (r) => given(r.DUC) && parseDate(r.DUC) === null,
  ),
];
