// Writes to a child's record. Nothing is ever deleted: a correction is a new version with a
// reason, and the earlier version stays readable. Every function runs inside the caller's
// transaction (the action wrapper adds the audit event to the same transaction).
import { and, eq, sql } from "drizzle-orm";
import type { Tx } from "@/db/client";
import {
  children,
  formDrafts,
  recordEntries,
  type Confidentiality,
  type EntrySection,
  type RecordEntry,
} from "@/db/schema";
import type { Actor, ChildAccess } from "@/lib/access";
import { formatUkDate, todayIso } from "@/lib/dates";
import { AppError } from "@/lib/errors";
import type { AmendEntryInput, CreateEntryInput } from "./schemas";
import { resolveParentViews, type StoredParentView } from "@/lib/people/commands";
import { formSpec, type FormSection } from "@/lib/sections";
import { entryAmendable } from "./queries";
import { entryChain, entryConflict, lockChain } from "./versions";

const RANK: Record<Confidentiality, number> = { standard: 0, restricted: 1, sealed: 2 };

/** Providers submit standard entries only; some sections are always restricted; nobody seals by a form. */
function confidentialityFor(section: FormSection, access: ChildAccess, requested: Confidentiality): Confidentiality {
  if (requested === "sealed")
    throw new AppError("invalid:input", undefined, {
      confidentiality: ["Entries are sealed by the records officer, not from this form"],
    });
  if (access.redactions.submitsAsProvider) return "standard";
  const minimum = formSpec(section).minimumConfidentiality ?? "standard";
  return RANK[requested] < RANK[minimum] ? minimum : requested;
}

const higherOf = (a: Confidentiality, b: Confidentiality): Confidentiality => (RANK[a] >= RANK[b] ? a : b);

function providerFields(actor: Actor, access: ChildAccess) {
  return access.redactions.submitsAsProvider
    ? { providerSubmitted: true, submittedByOrganisationId: actor.organisationId }
    : {};
}

/** Something that happened cannot have happened before the child was born. */
async function refuseBeforeBirth(tx: Tx, childId: string, section: FormSection, occurredOn: string): Promise<void> {
  const spec = formSpec(section);
  if (spec.occurredOnIs !== "past") return;
  const [child] = await tx
    .select({ dateOfBirth: children.dateOfBirth })
    .from(children)
    .where(eq(children.id, childId))
    .limit(1);
  if (child && occurredOn < child.dateOfBirth) {
    throw new AppError("invalid:input", undefined, {
      occurredOn: [
        `${spec.dateLabel} cannot be before the child was born (${formatUkDate(child.dateOfBirth)}): check the date`,
      ],
    });
  }
}

/**
 * Parents' views in an entry's fields, chosen from the people linked to the child. A decision,
 * and an entry that records one (a contact arrangement, when made and at each change), asks for
 * every parent with parental responsibility.
 */
async function withParentViews(
  tx: Tx,
  childId: string,
  section: FormSection,
  data: Record<string, unknown>,
): Promise<Record<string, unknown>> {
  const spec = formSpec(section);
  const out = { ...data };
  for (const field of spec.fields) {
    if (field.kind !== "parentViews") continue;
    const items = Array.isArray(data[field.name])
      ? (data[field.name] as Array<{ personId?: string; status: string; text: string }>)
      : [];
    out[field.name] = await resolveParentViews(tx, childId, items, {
      everyWithPr: section === "decisions" || Boolean(spec.recordsDecision),
      field: `data.${field.name}`,
    });
  }
  return out;
}

export async function createEntry(
  tx: Tx,
  actor: Actor,
  access: ChildAccess,
  section: FormSection,
  input: CreateEntryInput,
): Promise<RecordEntry> {
  await refuseBeforeBirth(tx, access.childId, section, input.occurredOn);
  input = { ...input, data: await withParentViews(tx, access.childId, section, input.data) };
  const id = crypto.randomUUID();
  const [row] = await tx
    .insert(recordEntries)
    .values({
      id,
      entryId: id,
      version: 1,
      childId: access.childId,
      section,
      occurredOn: input.occurredOn,
      title: input.title,
      data: input.data,
      confidentiality: confidentialityFor(section, access, input.confidentiality),
      significant: input.significant,
      childProperty: input.childProperty,
      createdBy: actor.id,
      ...providerFields(actor, access),
    })
    .returning();
  if (!row) throw new Error("insert returned no row");
  return row;
}

/** The entry's chain, locked: of concurrent amendments from one version exactly one wins. */
function lockEntry(tx: Tx, childId: string, section: EntrySection, entryId: string) {
  return lockChain(tx, entryChain(childId, section, entryId));
}

/**
 * Amends an entry: a new version with a reason. Refused if someone saved a newer version since
 * the person started (optimistic concurrency); their text is then kept as a draft, and both texts
 * are returned so nothing is lost.
 */
export async function amendEntry(
  tx: Tx,
  actor: Actor,
  access: ChildAccess,
  section: FormSection,
  input: AmendEntryInput,
): Promise<RecordEntry> {
  await refuseBeforeBirth(tx, access.childId, section, input.occurredOn);
  input = { ...input, data: await withParentViews(tx, access.childId, section, input.data) };
  const chain = await lockEntry(tx, access.childId, section, input.entryId);
  const { latest } = chain;
  // Only what the person may read may be amended (a provider never sees a restricted version).
  const amendable = entryAmendable(actor, access, latest);
  if (amendable === "hidden") throw new AppError("not-found");
  if (amendable === "not-theirs") throw new AppError("forbidden:child");
  const { childId, entryId, baseVersion, ...text } = input;
  const row = await chain.append(
    {
      occurredOn: input.occurredOn,
      title: input.title,
      // What the system linked (a decision's subject) is kept; the form cannot change it.
      data: { ...input.data, ...("relatesTo" in latest.data ? { relatesTo: latest.data.relatesTo } : {}) },
      // An amendment never lowers confidentiality.
      confidentiality: higherOf(confidentialityFor(section, access, input.confidentiality), latest.confidentiality),
      significant: input.significant || latest.significant,
      childProperty: input.childProperty,
      amendReason: input.amendReason,
      createdBy: actor.id,
      providerSubmitted: latest.providerSubmitted,
      submittedByOrganisationId: latest.submittedByOrganisationId,
      sourceCarerRecordId: latest.sourceCarerRecordId,
      sourceReference: latest.sourceReference,
    },
    {
      baseVersion,
      stale: (current) =>
        entryConflict(text, current, (t) =>
          saveDraft(t, actor, childId, `${section}:${entryId}`, { ...text, baseVersion }, current.version).then(
            () => {},
          ),
        ),
    },
  );
  await markDraftUsed(tx, actor, access.childId, `${section}:${input.entryId}`);
  return row;
}

export interface DecisionInput {
  title: string;
  occurredOn?: string;
  decision: string;
  decidedBy: string;
  reasons: string;
  childViews: { status: string; text: string };
  /**
   * Chosen from the people linked to the child (resolveParentViews), with the person's id; views
   * without one (typed names, as older decisions hold) are stored as given.
   */
  parentViews: ReadonlyArray<Omit<StoredParentView, "personId"> & { personId?: string | null }>;
  /** What the decision is about (a care plan version, a contact arrangement). */
  relatesTo?: { section: EntrySection; entryId: string; version: number };
}

/** A decision entry: care plan approval, contact changes and review outcomes each record one. */
export async function recordDecision(
  tx: Tx,
  actor: Actor,
  childId: string,
  input: DecisionInput,
): Promise<RecordEntry> {
  const id = crypto.randomUUID();
  const [row] = await tx
    .insert(recordEntries)
    .values({
      id,
      entryId: id,
      version: 1,
      childId,
      section: "decisions",
      occurredOn: input.occurredOn ?? todayIso(),
      title: input.title,
      data: {
        decision: input.decision,
        decidedBy: input.decidedBy,
        reasons: input.reasons,
        childViews: input.childViews,
        parentViews: input.parentViews,
        relatesTo: input.relatesTo ?? null,
      },
      significant: true,
      createdBy: actor.id,
    })
    .returning();
  if (!row) throw new Error("insert returned no row");
  return row;
}

/** Marks one row significant (or not) for the chronology's significant-only view. */
export async function setSignificant(tx: Tx, childId: string, rowId: string, significant: boolean) {
  const [row] = await tx
    .update(recordEntries)
    .set({ significant })
    // Only a row the chronology shows (never an earlier version of an amended or sealed entry).
    .where(
      and(
        eq(recordEntries.id, rowId),
        eq(recordEntries.childId, childId),
        eq(recordEntries.inChronology, true),
        sql`${recordEntries.confidentiality} <> 'sealed'`,
      ),
    )
    .returning({ id: recordEntries.id, section: recordEntries.section });
  if (!row) throw new AppError("not-found");
  return row;
}

/** Autosave: one live draft per person, child and form; saving again replaces its text. */
export async function saveDraft(
  tx: Tx,
  actor: Actor,
  childId: string,
  formKey: string,
  data: Record<string, unknown>,
  conflictWithVersion: number | null = null,
) {
  const now = new Date();
  const [row] = await tx
    .insert(formDrafts)
    .values({ userId: actor.id, childId, formKey, data, conflictWithVersion, savedAt: now })
    .onConflictDoUpdate({
      target: [formDrafts.userId, formDrafts.childId, formDrafts.formKey],
      set: { data, conflictWithVersion, savedAt: now, usedAt: null },
    })
    .returning({ id: formDrafts.id, savedAt: formDrafts.savedAt });
  return row;
}

/** A draft that became a saved entry is kept (never deleted) but no longer offered. */
export async function markDraftUsed(tx: Tx, actor: Actor, childId: string, formKey: string) {
  await tx
    .update(formDrafts)
    .set({ usedAt: new Date() })
    .where(and(eq(formDrafts.userId, actor.id), eq(formDrafts.childId, childId), eq(formDrafts.formKey, formKey)));
}

/**
 * Seals a misfiled entry: a new version with the same content, sealed, so every earlier version
 * stays in the database but the entry disappears from the record for everyone but the records
 * officer. The right record gets its own entry; this one is never moved or deleted.
 */
export async function sealEntry(
  tx: Tx,
  actor: Actor,
  input: { childId: string; section: EntrySection; entryId: string; reason: string },
): Promise<RecordEntry> {
  const chain = await lockEntry(tx, input.childId, input.section, input.entryId);
  const { latest } = chain;
  if (latest.confidentiality === "sealed") {
    throw new AppError(
      "conflict:version",
      "That entry has already been sealed (perhaps a moment ago). Nothing changed.",
    );
  }
  const {
    id: _id,
    createdAt: _created,
    updatedAt: _updated,
    entryId: _entry,
    version: _v,
    childId: _c,
    section: _s,
    ...content
  } = latest;
  return chain.append({
    ...content,
    confidentiality: "sealed",
    sealedReason: input.reason,
    amendReason: `Sealed as misfiled: ${input.reason}`,
    isLatest: true,
    inChronology: true,
    createdBy: actor.id,
  });
}
