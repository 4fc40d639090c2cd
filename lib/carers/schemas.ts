// Forms for foster carers' and children's homes' own records: the record's details (a new version
// with a reason on every change), its entries, and placing a duplicate of an entry on the record
// of a child placed there.
import { z } from "zod";
import { CARER_ENTRY_KINDS } from "@/db/schema/carers";
import { postcode } from "@/lib/episodes/schemas";
import { id, optionalText, optionalUkDate, pastUkDate, requiredText } from "@/lib/validation";

export const CARER_KIND_LABELS = { foster_carer: "Foster carer household", childrens_home: "Children's home" } as const;

export const CARER_ENTRY_KIND_LABELS: Record<(typeof CARER_ENTRY_KINDS)[number], string> = {
  household_change: "Household change",
  approval_review: "Approval review",
  incident: "Incident",
  supervising_visit: "Supervising social worker's visit",
  note: "Note",
};

const optionalNumber = (min: number, max: number, what: string) =>
  z
    .union([
      z.literal(""),
      z.coerce.number().int().min(min, `${what}: at least ${min}`).max(max, `${what}: at most ${max}`),
    ])
    .default("")
    .transform((v) => (v === "" ? null : v));

const detailsShape = {
  kind: z.enum(["foster_carer", "childrens_home"], { error: "Choose a foster carer household or a children's home" }),
  /** One carer per line (a home: its registered manager). */
  carers: z
    .string()
    .trim()
    .max(1000)
    .default("")
    .transform((v) =>
      v
        .split(/\n|,/)
        .map((s) => s.trim())
        .filter(Boolean),
    ),
  household: optionalText(2000),
  address: requiredText("the address", 500),
  postcode: postcode.refine((v) => v !== null, "Enter the postcode (the placement postcode of children placed here)"),
  urn: z
    .string()
    .trim()
    .toUpperCase()
    .default("")
    .refine((v) => v === "" || /^(SC\d{6}|\d{6,7})$/.test(v), "Enter the Ofsted URN, like SC123456")
    .transform((v) => (v === "" ? null : v)),
  provider: requiredText("the fostering service or provider", 200),
  approvalType: optionalText(200),
  approvalTerms: optionalText(2000),
  approvedPlaces: optionalNumber(1, 10, "Number of children"),
  ageFrom: optionalNumber(0, 18, "Youngest age"),
  ageTo: optionalNumber(0, 18, "Oldest age"),
  approvedOn: optionalUkDate("the date of approval"),
  /** Foster carers: when their approval ended (the record is then kept at least 10 years). */
  approvalEndedOn: optionalUkDate("the date approval ended"),
};

function homesHaveUrn(
  v: {
    kind: string;
    urn: string | null;
    ageFrom: number | null;
    ageTo: number | null;
    approvedOn: string | null;
    approvalEndedOn: string | null;
  },
  ctx: z.RefinementCtx,
) {
  if (v.kind === "childrens_home" && !v.urn)
    ctx.addIssue({ code: "custom", path: ["urn"], message: "Enter the home's Ofsted URN" });
  if (v.ageFrom !== null && v.ageTo !== null && v.ageTo < v.ageFrom)
    ctx.addIssue({ code: "custom", path: ["ageTo"], message: "The oldest age cannot be below the youngest" });
  if (v.approvedOn && v.approvalEndedOn && v.approvalEndedOn < v.approvedOn)
    ctx.addIssue({
      code: "custom",
      path: ["approvalEndedOn"],
      message: "The date approval ended cannot be before the date of approval",
    });
}

export const createCarerRecordSchema = z
  .object({ name: requiredText("the record's name, for example The Hawthorn household", 200), ...detailsShape })
  .superRefine(homesHaveUrn);
export type CreateCarerRecordInput = z.output<typeof createCarerRecordSchema>;

export const amendCarerRecordSchema = z
  .object({
    carerRecordId: id,
    baseVersion: z.coerce.number().int().min(1),
    ...detailsShape,
    /**
     * The supervising social worker (a home's link worker), chosen from the active supervising
     * social workers; blank keeps the current one.
     */
    supervisingWorkerId: z.union([id, z.literal("")]).default(""),
    amendReason: z.string().trim().min(5, "Say why the details are changing (at least 5 characters)").max(2000),
  })
  .superRefine(homesHaveUrn);
export type AmendCarerRecordInput = z.output<typeof amendCarerRecordSchema>;

const entryShape = {
  carerRecordId: id,
  kind: z.enum(CARER_ENTRY_KINDS, { error: "Choose the kind of entry" }),
  occurredOn: pastUkDate("the date it happened"),
  title: requiredText("a title", 200),
  details: requiredText("what happened", 20000),
};

export const createCarerEntrySchema = z.object(entryShape);
export type CreateCarerEntryInput = z.output<typeof createCarerEntrySchema>;

export const amendCarerEntrySchema = z.object({
  ...entryShape,
  entryId: id,
  baseVersion: z.coerce.number().int().min(1),
  amendReason: z.string().trim().min(5, "Say why this is being amended (at least 5 characters)").max(2000),
});
export type AmendCarerEntryInput = z.output<typeof amendCarerEntrySchema>;

/** A duplicate entry for each chosen child placed here, each with its own confidentiality. */
export const duplicateCarerEntrySchema = z.object({
  carerRecordId: id,
  entryId: id,
  copies: z
    .array(
      z.object({
        childId: id,
        place: z.boolean().default(false),
        confidentiality: z.enum(["standard", "restricted"]).default("standard"),
      }),
    )
    .max(500)
    .refine((c) => c.some((x) => x.place), "Choose at least one child to place a duplicate entry on"),
});
export type DuplicateCarerEntryInput = z.output<typeof duplicateCarerEntrySchema>;
