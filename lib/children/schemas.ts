// A new child's record: names, date of birth, sex and ethnicity (SSDA903 codes, chosen by their
// words), the Unique Pupil Number (checked as the Department does) and the family's address.
import { z } from "zod";
import { ETHNICITY, SEX, UPN_UNKNOWN } from "@/lib/ssda903/codes";
import { id, pastUkDate, requiredText } from "@/lib/validation";

/** A letter other than I, O or S, then 12 digits, or 11 digits and a letter; or UN1 to UN5 when there is none. */
export const UPN_PATTERN = /^[A-HJ-NP-RT-Z](\d{12}|\d{11}[A-Z])$/;

export const createChildSchema = z.object({
  firstName: requiredText("the child's legal first name", 100),
  lastName: requiredText("the child's legal last name", 100),
  preferredName: z.string().trim().max(100).default(""),
  dateOfBirth: pastUkDate("the date of birth"),
  sex: z.enum(Object.keys(SEX) as [string, ...string[]], { error: "Choose the child's sex" }),
  ethnicity: z.enum(Object.keys(ETHNICITY) as [string, ...string[]], { error: "Choose the child's ethnicity" }),
  upn: z
    .string()
    .trim()
    .toUpperCase()
    .refine(
      (v) => UPN_PATTERN.test(v) || Object.hasOwn(UPN_UNKNOWN, v),
      "Enter the Unique Pupil Number (a letter then 12 digits, or 11 digits and a letter), or choose why there is none",
    ),
  familyAddress: z.string().trim().max(500).default(""),
  /**
   * The team the record opens in: a team manager may choose any team (their own by default); a
   * social worker's record always opens in their own team. Blank: the creator's team.
   */
  teamId: z.union([id, z.literal("")], { error: "Choose one of the authority's teams" }).default(""),
  /** Given when possible duplicates were shown: why this is a different child. */
  notDuplicateReason: z.string().trim().max(2000).default(""),
});
export type CreateChildInput = z.output<typeof createChildSchema>;

/** The records officer's marking: `childId` is the record to close, `inUseChildId` the one in use. */
export const markSameChildSchema = z.object({
  childId: id,
  inUseChildId: id,
  reason: z
    .string()
    .trim()
    .min(10, "Say how you know these are the same child, in a sentence or two")
    .max(2000, "The reason must be 2000 characters or fewer"),
});
