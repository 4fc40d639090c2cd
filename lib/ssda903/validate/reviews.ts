// Rules on reviews: a real date, a participation code that fits the child's age at the review,
// and no reviews for children only ever on short breaks.
import { SHORT_BREAKS, addYears, blank, given, parseDate, rowRule, type Rule } from "./core";
import { REVIEW_CODES } from "./codesets";

const reviewDob = (dob: string, child: string, dobOf: (c: string) => number | null): number | null =>
  parseDate(dob) ?? dobOf(child);

export const REVIEW_RULES: Rule[] = [
  rowRule(
    "166",
    "The review date is missing or is not a real date (dd/mm/yyyy)",
    "reviews",
    ["REVIEW"],
    (r) => parseDate(r.REVIEW) === null,
  ),
  rowRule(
    "167",
    "How the child took part in the review is missing or not a valid code",
    "reviews",
    ["REVIEW_CODE"],
    (r) => (given(r.REVIEW) ? !REVIEW_CODES.has(r.REVIEW_CODE) : given(r.REVIEW_CODE)),
  ),
  rowRule(
    "440",
    "The child's participation is recorded as 'under 4', but the child was 4 or over at the review",
    "reviews",
    ["DOB", "REVIEW", "REVIEW_CODE"],
    (r, ctx) => {
      const dob = reviewDob(r.DOB, r.CHILD, ctx.dob);
      const rev = parseDate(r.REVIEW);
      return r.REVIEW_CODE === "PN0" && dob !== null && rev !== null && rev > addYears(dob, 4);
    },
  ),
  rowRule(
    "441",
    "The child's participation is recorded for a child of 4 or over, but the child was under 4 at the review",
    "reviews",
    ["DOB", "REVIEW", "REVIEW_CODE"],
    (r, ctx) => {
      const dob = reviewDob(r.DOB, r.CHILD, ctx.dob);
      const rev = parseDate(r.REVIEW);
      return (
        r.REVIEW_CODE !== "PN0" &&
        REVIEW_CODES.has(r.REVIEW_CODE) &&
        dob !== null &&
        rev !== null &&
        rev < addYears(dob, 4)
      );
    },
  ),
  rowRule(
    "399",
    "Reviews are not recorded for a child who is only ever on short breaks",
    "reviews",
    ["REVIEW", "REVIEW_CODE", "LS"],
    (r, ctx) => {
      const eps = ctx.eps.get(r.CHILD) ?? [];
      return eps.length > 0 && eps.every((e) => SHORT_BREAKS.has(e.r.LS)) && (given(r.REVIEW) || given(r.REVIEW_CODE));
    },
    { tables: ["reviews", "episodes"] },
  ),
  rowRule(
    "REV01",
    "The review is dated after the end of the collection year or before the child was looked after",
    "reviews",
    ["REVIEW"],
    (r, ctx) => {
      const rev = parseDate(r.REVIEW);
      if (rev === null) return false;
      if (rev > ctx.end) return true;
      const first = (ctx.eps.get(r.CHILD) ?? [])[0];
      return first !== undefined && first.decom !== null && rev < first.decom;
    },
    { tables: ["reviews", "episodes"] },
  ),
  rowRule(
    "INT17",
    "The date of birth on the review differs from the child's date of birth",
    "reviews",
    ["DOB"],
    (r, ctx) => {
      const dob = ctx.dob(r.CHILD);
      return !blank(r.DOB) && dob !== null && parseDate(r.DOB) !== dob;
    },
  ),
];
