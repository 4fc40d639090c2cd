"use server";
// Server actions for duplicate entries on a child's record: bringing a copy up to date with its
// source (a new version), and an entry for several siblings recorded once with a copy on each.
import { authorizedAction } from "@/lib/actions";
import { sectionHref } from "@/lib/sections";
import { amendSharedEntry, recordSharedEntry, refreshDuplicate } from "./commands";
import { amendSharedEntrySchema, recordSharedEntrySchema, refreshDuplicateSchema } from "./schemas";

const paths = (childId: string) => [sectionHref(childId, "duplicates"), sectionHref(childId, "chronology")];

// Bring a duplicate entry up to date with its source: a new version of the copy
export const refreshDuplicateAction = authorizedAction(
  "duplicates.refresh",
  refreshDuplicateSchema,
  async ({ tx, actor, access, input, auditDetail }) => {
    const row = await refreshDuplicate(tx, actor, access, input);
    auditDetail({ entryId: row.entryId, version: row.version, sourceVersion: row.sourceVersion });
    return { entryId: row.entryId, version: row.version };
  },
  { revalidate: (i) => [...paths(i.childId), `/children/${i.childId}/duplicates/${i.entryId}`] },
);

// Record an entry concerning several siblings once, with a copy on each child's record
export const recordSharedEntryAction = authorizedAction(
  "sharedEntry.record",
  recordSharedEntrySchema,
  async ({ tx, actor, access, input, auditDetail }) => {
    const row = await recordSharedEntry(tx, actor, access, input);
    auditDetail({ sharedEntryId: row.sharedEntryId, copies: row.copies });
    return row;
  },
  { revalidate: (i) => i.copies.filter((c) => c.place).flatMap((c) => paths(c.childId)) },
);

// Amend an entry recorded for several siblings: a new version; each copy then shows that its source changed
export const amendSharedEntryAction = authorizedAction(
  "sharedEntry.amend",
  amendSharedEntrySchema,
  async ({ tx, actor, access, input, auditDetail }) => {
    const row = await amendSharedEntry(tx, actor, access, input);
    auditDetail({ sharedEntryId: row.entryId, version: row.version, reason: input.amendReason });
    return { sharedEntryId: row.entryId, version: row.version };
  },
  { revalidate: (i) => paths(i.childId) },
);
