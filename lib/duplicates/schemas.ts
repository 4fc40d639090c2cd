// Forms for duplicate entries on a child's record: bringing a copy up to date with its source, and
// an entry concerning several siblings recorded once with a copy on each child's record.
import { z } from "zod";
import { SHARED_ENTRY_KINDS } from "@/db/schema/carers";
import { id, pastUkDate, requiredText } from "@/lib/validation";

export const SHARED_ENTRY_KIND_LABELS: Record<(typeof SHARED_ENTRY_KINDS)[number], string> = {
  joint_contact: "Joint contact session",
  shared_letter: "Shared letter",
  joint_meeting: "Joint meeting",
  other: "Other",
};

export const refreshDuplicateSchema = z.object({
  childId: id,
  entryId: id,
  /** The copy's version the person saw. */
  baseVersion: z.coerce.number().int().min(1),
});

const sharedShape = {
  childId: id,
  kind: z.enum(SHARED_ENTRY_KINDS, { error: "Choose the kind of entry" }),
  occurredOn: pastUkDate("the date it happened"),
  title: requiredText("a title", 200),
  details: requiredText("what happened", 20000),
};

/** Recorded once; a copy on this child's record and on each chosen sibling's, each with its own confidentiality. */
export const recordSharedEntrySchema = z.object({
  ...sharedShape,
  copies: z
    .array(
      z.object({
        childId: id,
        place: z.boolean().default(false),
        confidentiality: z.enum(["standard", "restricted"]).default("standard"),
      }),
    )
    .max(12)
    .refine((c) => c.filter((x) => x.place).length >= 2, "Choose at least two children: the entry concerns several"),
});
export type RecordSharedEntryInput = z.output<typeof recordSharedEntrySchema>;

/** Amends the shared entry itself (a new version); each child's copy then shows that its source changed. */
export const amendSharedEntrySchema = z.object({
  ...sharedShape,
  sharedEntryId: id,
  baseVersion: z.coerce.number().int().min(1),
  amendReason: z.string().trim().min(5, "Say why this is being amended (at least 5 characters)").max(2000),
});
export type AmendSharedEntryInput = z.output<typeof amendSharedEntrySchema>;
