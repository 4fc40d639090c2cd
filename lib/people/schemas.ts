// Forms for the people around a child (a person linked with a relationship and parental
// responsibility, their contact details), sibling links and links between siblings' contact
// arrangements. The same schemas validate the browser's forms and the server actions.
import { z } from "zod";
import { PERSON_RELATIONSHIPS } from "@/db/schema/family";
import { id, optionalText, requiredText, ukDate } from "@/lib/validation";

export const RELATIONSHIP_LABELS: Record<(typeof PERSON_RELATIONSHIPS)[number], string> = {
  mother: "Mother",
  father: "Father",
  step_parent: "Step-parent",
  grandparent: "Grandparent",
  aunt_or_uncle: "Aunt or uncle",
  friend: "Friend",
  other: "Other",
};

export const SIBLING_KINDS = { full: "Full sibling", half: "Half sibling", step: "Step-sibling" } as const;
export const SIBLING_PLACEMENTS = { together: "Placed together", apart: "Placed apart" } as const;

const optionalId = z
  .union([id, z.literal("")])
  .default("")
  .transform((v) => (v === "" ? null : v));

const contactDetails = {
  address: optionalText(500),
  phone: z
    .string()
    .trim()
    .max(40)
    .default("")
    .refine((v) => v === "" || /^[+0-9 ()-]{6,40}$/.test(v), "Enter a phone number, like 0117 496 0000"),
  email: z
    .string()
    .trim()
    .max(200)
    .default("")
    .refine((v) => v === "" || z.email().safeParse(v).success, "Enter an email address, like name@example.com"),
};

/** Link a person to the child: someone new, or someone already linked to one of the child's siblings. */
export const addPersonSchema = z
  .object({
    childId: id,
    /** A person already on a sibling's record: one person record, however many siblings. */
    existingPersonId: optionalId,
    firstName: z.string().trim().max(100).default(""),
    lastName: z.string().trim().max(100).default(""),
    ...contactDetails,
    relationship: z.enum(PERSON_RELATIONSHIPS, { error: "Choose the relationship to the child" }),
    relationshipDetail: optionalText(100),
    parentalResponsibility: z.boolean().default(false),
    startDate: ukDate("the date the link starts"),
  })
  .superRefine((v, ctx) => {
    if (!v.existingPersonId) {
      if (!v.firstName) ctx.addIssue({ code: "custom", path: ["firstName"], message: "Enter the person's first name" });
      if (!v.lastName) ctx.addIssue({ code: "custom", path: ["lastName"], message: "Enter the person's last name" });
    }
    if (v.relationship === "other" && !v.relationshipDetail)
      ctx.addIssue({ code: "custom", path: ["relationshipDetail"], message: "Say what the relationship is" });
  });
export type AddPersonInput = z.output<typeof addPersonSchema>;

/** A change of a person's details: a new version with a reason (seen on every sibling's record they are linked to). */
export const amendPersonSchema = z.object({
  childId: id,
  personId: id,
  baseVersion: z.coerce.number().int().min(1),
  firstName: requiredText("the person's first name", 100),
  lastName: requiredText("the person's last name", 100),
  ...contactDetails,
  amendReason: z.string().trim().min(5, "Say why the details are changing (at least 5 characters)").max(2000),
});
export type AmendPersonInput = z.output<typeof amendPersonSchema>;

export const endPersonLinkSchema = z.object({
  childId: id,
  linkId: id,
  endDate: ukDate("the date the link ends"),
  endReason: requiredText("why the link ends", 500),
});

export const linkSiblingSchema = z.object({
  childId: id,
  siblingId: id,
  relationship: z.enum(["full", "half", "step"], { error: "Choose full, half or step" }),
  placement: z.enum(["together", "apart"], { error: "Choose whether they are placed together or apart" }),
  placementReason: requiredText("the reason they are placed together or apart", 2000),
  startDate: ukDate("the date the link is recorded from"),
});
export type LinkSiblingInput = z.output<typeof linkSiblingSchema>;

export const endSiblingLinkSchema = z.object({
  childId: id,
  siblingId: id,
  endDate: ukDate("the date the link ends"),
  endReason: requiredText("why the link ends", 500),
});

export const linkSiblingContactSchema = z.object({
  childId: id,
  contactEntryId: id,
  siblingId: id,
  siblingContactEntryId: id,
});

/** One parent's views on a decision, chosen from the people linked to the child (not typed). */
export const linkedParentView = z.object({
  personId: id,
  status: z.string().trim().default(""),
  text: z.string().trim().max(20000, "Must be 20000 characters or fewer").default(""),
});
