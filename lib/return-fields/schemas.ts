// Forms for the facts the SSDA903 return needs that the rest of the record does not hold: the
// child's previous permanence and motherhood, contact with a care leaver around a birthday, and
// adoption milestones. Codes are the Department's; the rules that need the child's own facts
// (birth, sex, periods of care) are checked by ./commands in the transaction.
import { z } from "zod";
import {
  ADOPTERS_LEGAL_STATUS,
  ADOPTERS_SEX,
  CARE_LEAVER_ACCOMMODATION,
  CARE_LEAVER_ACTIVITY,
  IN_TOUCH,
  PREVIOUS_PERMANENCE,
  PREVIOUS_PERMANENCE_WITH_ORDER,
  REASON_PLACED_CEASED,
} from "@/lib/ssda903/codes";
import { formatUkDate, todayIso } from "@/lib/dates";
import { id, optionalUkDate, pastUkDate } from "@/lib/validation";

const codeOf = (set: Record<string, string>, what: string) =>
  z.enum(Object.keys(set) as [string, ...string[]], { error: `Choose ${what}` });
// A plain string checked against the set, so an unknown code gets the same words as a blank choice.
const optionalCode = (set: Record<string, string>, what: string) =>
  z
    .string({ error: `Choose ${what}` })
    .trim()
    .default("")
    .refine((v) => v === "" || Object.hasOwn(set, v), `Choose ${what}`)
    .transform((v) => (v === "" ? null : v));
const yesNo = z
  .enum(["yes", "no", ""], { error: "Choose yes or no" })
  .default("")
  .transform((v) => (v === "" ? null : v === "yes"));
/** Not after today, for a date that may be left blank. */
const optionalPastUkDate = (label: string) =>
  optionalUkDate(label).refine((iso) => iso === null || iso <= todayIso(), {
    message: `${label[0]?.toUpperCase()}${label.slice(1)} cannot be in the future: today is ${formatUkDate(todayIso())}`,
  });
const amendReason = z.string().trim().max(2000, "Keep the reason to 2000 characters or fewer").default("");

const withOrder = (code: string) => (PREVIOUS_PERMANENCE_WITH_ORDER as readonly string[]).includes(code);

/** "Details for the children looked after return" on the child's overview. */
export const returnDetailsSchema = z
  .object({
    childId: id,
    previousPermanence: codeOf(PREVIOUS_PERMANENCE, "whether the child was adopted or under an order before"),
    previousPermanenceLa: z
      .string()
      .trim()
      .default("")
      .refine((v) => v === "" || /^\d{3}$/.test(v), "Enter the authority's 3-digit code, like 801, or leave it blank"),
    previousPermanenceDate: optionalPastUkDate("the date of the order"),
    isMother: yesNo,
    motherChildDob: optionalPastUkDate("the date of birth of her first child"),
  })
  .superRefine((v, ctx) => {
    if (!withOrder(v.previousPermanence)) {
      const why =
        v.previousPermanence === "Z1"
          ? "Leave this blank: there was no previous order"
          : "Leave this blank: the kind of order is not known";
      if (v.previousPermanenceLa) ctx.addIssue({ code: "custom", path: ["previousPermanenceLa"], message: why });
      if (v.previousPermanenceDate) ctx.addIssue({ code: "custom", path: ["previousPermanenceDate"], message: why });
    }
    if (v.isMother === true && !v.motherChildDob)
      ctx.addIssue({ code: "custom", path: ["motherChildDob"], message: "Enter the date of birth of her first child" });
    if (v.isMother !== true && v.motherChildDob)
      ctx.addIssue({
        code: "custom",
        path: ["motherChildDob"],
        message: "Leave this blank unless the child is a mother",
      });
  })
  .transform((v) => ({
    childId: v.childId,
    previousPermanence: v.previousPermanence,
    previousPermanenceLa: v.previousPermanenceLa === "" ? null : v.previousPermanenceLa,
    previousPermanenceDate: v.previousPermanenceDate,
    isMother: v.isMother,
    motherChildDob: v.isMother === true ? v.motherChildDob : null,
  }));
export type ReturnDetailsInput = z.output<typeof returnDetailsSchema>;

/** The birthdays a care leaver's contact is recorded for (OC3). */
export const CARE_LEAVER_AGES = [17, 18, 19, 20, 21] as const;

/** "17th birthday" to "21st birthday": the birthday a care leaver contact is for, in words. */
export const birthdayWords = (age: number): string => {
  const tens = age % 100;
  const suffix =
    tens >= 11 && tens <= 13 ? "th" : (({ 1: "st", 2: "nd", 3: "rd" } as Record<number, string>)[age % 10] ?? "th");
  return `${age}${suffix} birthday`;
};

/** OC3: contact with a care leaver around one birthday; a second record for the same birthday is a correction. */
export const careLeaverContactSchema = z
  .object({
    childId: id,
    age: z.coerce
      .number({ error: "Choose the birthday this contact is for" })
      .int("Choose the birthday this contact is for")
      .min(17, "Choose the birthday this contact is for: 17 to 21")
      .max(21, "Choose the birthday this contact is for: 17 to 21"),
    contactedOn: pastUkDate("the date of the contact"),
    inTouch: codeOf(IN_TOUCH, "whether the authority is in touch with the young person"),
    activity: optionalCode(CARE_LEAVER_ACTIVITY, "the young person's main activity"),
    accommodation: optionalCode(CARE_LEAVER_ACCOMMODATION, "where the young person lives"),
    amendReason,
  })
  .superRefine((v, ctx) => {
    const inTouch = v.inTouch === "YES";
    if (inTouch && !v.activity)
      ctx.addIssue({ code: "custom", path: ["activity"], message: "Choose the young person's main activity" });
    if (inTouch && !v.accommodation)
      ctx.addIssue({ code: "custom", path: ["accommodation"], message: "Choose where the young person lives" });
    const blank = "Leave this blank when the authority is not in touch (the return records 0)";
    if (!inTouch && v.activity) ctx.addIssue({ code: "custom", path: ["activity"], message: blank });
    if (!inTouch && v.accommodation) ctx.addIssue({ code: "custom", path: ["accommodation"], message: blank });
  });
export type CareLeaverContactInput = z.output<typeof careLeaverContactSchema>;

/** AD1 and placed_for_adoption: each save is a new version of the child's adoption milestones. */
export const adoptionMilestonesSchema = z
  .object({
    childId: id,
    /** The version the form was filled from; 0 when none was recorded yet. */
    baseVersion: z.coerce.number().int().min(0),
    decisionOn: pastUkDate("the date of the decision that the child should be placed for adoption"),
    matchedOn: optionalPastUkDate("the date the child was matched with the adopters"),
    reversedOn: optionalPastUkDate("the date the decision was reversed"),
    reversedReason: optionalCode(REASON_PLACED_CEASED, "why the decision was reversed"),
    adoptedByFosterCarer: yesNo,
    numberOfAdopters: z
      .enum(["1", "2", ""], { error: "Choose one adopter or two" })
      .default("")
      .transform((v) => (v === "" ? null : Number(v))),
    adoptersSex: optionalCode(ADOPTERS_SEX, "the sex of the adopter or adopters"),
    adoptersLegalStatus: optionalCode(ADOPTERS_LEGAL_STATUS, "the legal status of the adopter or adopters"),
    amendReason,
  })
  .superRefine((v, ctx) => {
    const issue = (path: string, message: string) => ctx.addIssue({ code: "custom", path: [path], message });
    if (v.matchedOn && v.matchedOn < v.decisionOn)
      issue("matchedOn", "The match cannot be before the decision that the child should be placed for adoption");
    if (v.reversedOn && v.reversedOn <= v.decisionOn)
      issue("reversedOn", "The decision can only be reversed after it was made");
    if (v.reversedOn && !v.reversedReason) issue("reversedReason", "Choose why the decision was reversed");
    if (!v.reversedOn && v.reversedReason) issue("reversedOn", "Enter the date the decision was reversed");
    const single = v.numberOfAdopters === 1;
    if (v.numberOfAdopters !== null && v.adoptersSex && single !== ["M1", "F1"].includes(v.adoptersSex))
      issue("adoptersSex", single ? "One adopter is a single male or female adopter" : "Two adopters are a couple");
    if (v.numberOfAdopters !== null && v.adoptersLegalStatus && single !== (v.adoptersLegalStatus === "L0"))
      issue(
        "adoptersLegalStatus",
        single ? "One adopter is a single person" : "Two adopters are a couple, not a single person",
      );
    const sex = v.adoptersSex;
    if (sex && ["L11", "L3"].includes(v.adoptersLegalStatus ?? "") && sex !== "MF")
      issue("adoptersSex", "A couple of opposite sexes is coded male and female (MF)");
    if (sex && ["L12", "L4"].includes(v.adoptersLegalStatus ?? "") && !["MM", "FF"].includes(sex))
      issue("adoptersSex", "A couple of the same sex is both male (MM) or both female (FF)");
  });
export type AdoptionMilestonesInput = z.output<typeof adoptionMilestonesSchema>;
