"use server";
// Server actions for foster carers' and children's homes' own records: opening one, changing its
// details (a new version), its entries, and duplicate entries onto placed children's records.
import { authorizedAction } from "@/lib/actions";
import { sectionHref } from "@/lib/sections";
import {
  amendCarerEntry,
  amendCarerRecord,
  createCarerEntry,
  createCarerRecord,
  duplicateCarerEntry,
} from "./commands";
import {
  amendCarerEntrySchema,
  amendCarerRecordSchema,
  createCarerEntrySchema,
  createCarerRecordSchema,
  duplicateCarerEntrySchema,
} from "./schemas";

const carerPaths = (id: string) => ["/carers", `/carers/${id}`];

// Open a new foster carer household's or children's home's record
export const createCarerRecordAction = authorizedAction(
  "carerRecord.create",
  createCarerRecordSchema,
  async ({ tx, actor, input, auditDetail }) => {
    const row = await createCarerRecord(tx, actor, input);
    auditDetail({ carerRecordId: row.carerRecordId, kind: input.kind });
    return row;
  },
  { revalidate: () => ["/carers"] },
);

// Change a record's details (household, approval, address) or its supervising social worker: a new version with a reason
export const amendCarerRecordAction = authorizedAction(
  "carerRecord.amend",
  amendCarerRecordSchema,
  async ({ tx, actor, access, input, auditDetail }) => {
    const { row, reassigned } = await amendCarerRecord(tx, actor, access, input);
    auditDetail({
      version: row.version,
      reason: input.amendReason,
      ...(reassigned ? { supervisingWorkerFrom: reassigned.from, supervisingWorkerTo: reassigned.to } : {}),
    });
    return { version: row.version, reassigned: Boolean(reassigned) };
  },
  { revalidate: (i) => carerPaths(i.carerRecordId) },
);

// Record an entry on a carer's or home's record (household change, approval review, incident, visit, note)
export const createCarerEntryAction = authorizedAction(
  "carerEntry.create",
  createCarerEntrySchema,
  async ({ tx, actor, access, input, auditDetail }) => {
    const row = await createCarerEntry(tx, actor, access, input);
    auditDetail({ entryId: row.entryId, version: row.version, kind: row.kind });
    return { entryId: row.entryId, version: row.version };
  },
  { revalidate: (i) => carerPaths(i.carerRecordId) },
);

// Amend an entry of a carer's or home's record: a new version with a reason
export const amendCarerEntryAction = authorizedAction(
  "carerEntry.amend",
  amendCarerEntrySchema,
  async ({ tx, actor, access, input, auditDetail }) => {
    const row = await amendCarerEntry(tx, actor, access, input);
    auditDetail({ entryId: row.entryId, version: row.version, reason: input.amendReason });
    return { entryId: row.entryId, version: row.version };
  },
  { revalidate: (i) => [...carerPaths(i.carerRecordId), `/carers/${i.carerRecordId}/entries/${i.entryId}`] },
);

// Place a duplicate of an entry on the records of children placed there, each saying where it came from
export const duplicateCarerEntryAction = authorizedAction(
  "carerEntry.duplicate",
  duplicateCarerEntrySchema,
  async ({ tx, actor, access, input, auditDetail }) => {
    const row = await duplicateCarerEntry(tx, actor, access, input);
    auditDetail({ sourceEntryId: row.sourceEntryId, sourceVersion: row.sourceVersion, placed: row.placed });
    return row;
  },
  {
    revalidate: (i, data) => [
      `/carers/${i.carerRecordId}/entries/${i.entryId}`,
      ...data.placed.flatMap((p) => [sectionHref(p.childId, "duplicates"), sectionHref(p.childId, "chronology")]),
    ],
  },
);
