// Writes to a child's care plan: draft -> submitted -> approved -> superseded. A draft is edited
// in place under optimistic concurrency (lockVersion); a submitted or approved version never is.
// A change to an approved plan is a new version (same entry id, version + 1) that supersedes it
// when approved. Every step runs in the caller's transaction, serialised per child.
import { and, asc, eq, ne } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { children, recordEntries, users, type RecordEntry } from "@/db/schema";
import type { Actor, ChildAccess } from "@/lib/access";
import { formatUkDate, todayIso } from "@/lib/dates";
import { AppError } from "@/lib/errors";
import { lockChild } from "@/lib/children/lock";
import { resolveParentViews } from "@/lib/people/commands";
import { markDraftUsed, recordDecision, saveDraft } from "@/lib/records/commands";
import { canMoveStatus, entryChain, lockChain } from "@/lib/records/versions";
import { carePlanFormKey } from "./fields";
import {
  carePlanContentSchema,
  carePlanData,
  contentOfInput,
  readCarePlanContent,
  toFormContent,
  type ApproveCarePlanInput,
  type CarePlanConflict,
  type CarePlanContent,
  type ReturnCarePlanInput,
  type SaveCarePlanDraftInput,
  type SubmitCarePlanInput,
} from "./schemas";

export type { CarePlanConflict } from "./schemas";

const STATUS_WORDS: Record<string, string> = {
  submitted: "has been submitted for approval",
  returned: "was returned to draft as a new version",
  approved: "has been approved",
  superseded: "has been superseded",
};

/** Every version of the child's care plan (sealed ones excluded), oldest first. */
async function planRows(tx: Tx, childId: string): Promise<RecordEntry[]> {
  const rows = await tx
    .select()
    .from(recordEntries)
    .where(
      and(
        eq(recordEntries.childId, childId),
        eq(recordEntries.section, "carePlan"),
        ne(recordEntries.confidentiality, "sealed"),
      ),
    )
    .orderBy(asc(recordEntries.createdAt), asc(recordEntries.version));
  const entryId = rows[0]?.entryId;
  return rows.filter((r) => r.entryId === entryId).sort((a, b) => a.version - b.version);
}

async function versionForUpdate(tx: Tx, childId: string, entryId: string, version: number): Promise<RecordEntry> {
  const [row] = await tx
    .select()
    .from(recordEntries)
    .where(
      and(
        eq(recordEntries.childId, childId),
        eq(recordEntries.section, "carePlan"),
        eq(recordEntries.entryId, entryId),
        eq(recordEntries.version, version),
      ),
    )
    .for("update");
  if (!row || row.confidentiality === "sealed")
    throw new AppError("not-found", "That version of the care plan could not be found.");
  return row;
}

function snapshot(row: RecordEntry): NonNullable<CarePlanConflict["current"]> {
  return {
    entryId: row.entryId,
    version: row.version,
    lockVersion: row.lockVersion,
    status: row.status,
    content: toFormContent(readCarePlanContent(row)),
  };
}

function fieldErrorsOf(issues: ReadonlyArray<{ path: PropertyKey[]; message: string }>): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const issue of issues) (out[issue.path.map(String).join(".") || "_form"] ??= []).push(issue.message);
  return out;
}

/** The IRO a submitted version names, stored with it (reg 5(d)); versions submitted before this was kept have none. */
export interface NamedIro {
  id: string;
  name: string;
}

/** The plan names the child's IRO (reg 5(d)): one must be allocated before it goes for approval. */
async function requireNamedIro(tx: Tx, childId: string): Promise<NamedIro> {
  const [iro] = await tx
    .select({ id: users.id, name: users.name })
    .from(children)
    .innerJoin(users, eq(users.id, children.iroId))
    .where(eq(children.id, childId))
    .limit(1);
  if (!iro)
    throw new AppError(
      "invalid:input",
      "The care plan must name the child's Independent Reviewing Officer. Ask the team manager to allocate an IRO, then submit the plan.",
    );
  return iro;
}

/** Content stored on a version must be complete before it is submitted or approved. */
function requireComplete(row: RecordEntry): CarePlanContent {
  const content = readCarePlanContent(row);
  const parsed = carePlanContentSchema.safeParse(toFormContent(content));
  if (!parsed.success) {
    throw new AppError(
      "invalid:input",
      `Version ${row.version} of the care plan is not complete. Edit the draft and fill in the parts marked as needed.`,
      fieldErrorsOf(parsed.error.issues),
    );
  }
  return content;
}

function refuseStale(row: RecordEntry, lockVersion: number, doing: string): void {
  if (row.lockVersion !== lockVersion) {
    throw new AppError(
      "conflict:version",
      `Version ${row.version} of the care plan changed since you opened it (someone saved, submitted or returned it). Look at it again before you ${doing}.`,
    );
  }
}

/**
 * Starts a new version from the approved plan: a draft (version + 1, same entry id) with the
 * approved content copied, dated today. If a draft is already in progress, that one is returned.
 */
export async function startCarePlanVersion(
  tx: Tx,
  actor: Actor,
  access: ChildAccess,
): Promise<{ entryId: string; version: number; lockVersion: number; created: boolean }> {
  await lockChild(tx, access.childId);
  const rows = await planRows(tx, access.childId);
  const latest = rows.at(-1);
  if (!latest)
    throw new AppError("not-found", "There is no care plan yet. Start the care plan by filling in the form.");
  if (latest.status === "draft")
    return { entryId: latest.entryId, version: latest.version, lockVersion: latest.lockVersion, created: false };
  if (latest.status === "submitted") {
    throw new AppError(
      "forbidden:action",
      `Version ${latest.version} is waiting for approval. It must be approved, or returned to draft, before a new version is started.`,
    );
  }
  const approved = [...rows].reverse().find((r) => r.status === "approved") ?? latest;
  const content: CarePlanContent = { ...readCarePlanContent(approved), planDate: todayIso() };
  const chain = await lockChain(tx, entryChain(access.childId, "carePlan", latest.entryId));
  const row = await chain.append({
    occurredOn: content.planDate,
    title: content.title,
    data: carePlanData(content),
    status: "draft",
    inChronology: false,
    isLatest: true,
    confidentiality: approved.confidentiality,
    amendReason: `New version started from approved version ${approved.version}`,
    createdBy: actor.id,
  });
  return { entryId: row.entryId, version: row.version, lockVersion: row.lockVersion, created: true };
}

/**
 * Saves the draft form. With no entry id it starts the plan (version 1). Otherwise it edits the
 * draft in place, refused when someone else saved since the form was loaded (stale lockVersion)
 * or when the version is no longer a draft: the person's text is then kept as their autosaved
 * draft, and both texts are returned to be shown side by side.
 */
export async function saveCarePlanDraft(
  tx: Tx,
  actor: Actor,
  access: ChildAccess,
  input: SaveCarePlanDraftInput,
): Promise<{ entryId: string; version: number; lockVersion: number; created: boolean }> {
  const childId = access.childId;
  // Parents' views are chosen from the people linked to the child (their names come from the record).
  const parents = await resolveParentViews(tx, childId, input.parentViews, { everyWithPr: false });
  const content = { ...contentOfInput(input), parentViews: parents.map((p) => ({ ...p, personId: p.personId ?? "" })) };
  const yours = toFormContent(content);
  const keep = (formKey: string, current: RecordEntry | null) => async (t: unknown) => {
    await saveDraft(
      t as Tx,
      actor,
      childId,
      formKey,
      { ...yours, entryId: input.entryId, version: input.version, lockVersion: input.lockVersion },
      current?.version ?? 0,
    );
  };
  await lockChild(tx, childId);

  if (input.entryId === null) {
    const latest = (await planRows(tx, childId)).at(-1) ?? null;
    if (latest) {
      throw new AppError(
        "conflict:version",
        "Someone started this child's care plan while you were writing. Your text has been kept so nothing is lost.",
        undefined,
        {
          details: { yours, current: snapshot(latest) } satisfies CarePlanConflict,
          afterRollback: keep(carePlanFormKey(null), latest),
        },
      );
    }
    const id = crypto.randomUUID();
    const [row] = await tx
      .insert(recordEntries)
      .values({
        id,
        entryId: id,
        version: 1,
        childId,
        section: "carePlan",
        occurredOn: content.planDate,
        title: content.title,
        data: carePlanData(content),
        status: "draft",
        inChronology: false,
        isLatest: true,
        createdBy: actor.id,
      })
      .returning();
    if (!row) throw new Error("insert returned no row");
    await markDraftUsed(tx, actor, childId, carePlanFormKey(null));
    return { entryId: row.entryId, version: row.version, lockVersion: row.lockVersion, created: true };
  }

  const version = input.version ?? 0;
  const row = await versionForUpdate(tx, childId, input.entryId, version);
  if (row.status !== "draft") {
    // An approved (or submitted) version is never edited: a change is a new version.
    throw new AppError(
      "forbidden:action",
      `Version ${row.version} of the care plan ${STATUS_WORDS[row.status] ?? "is not a draft"} and cannot be edited. ${row.status === "submitted" ? "A manager can return it to draft." : row.status === "returned" ? `Carry on in the draft, version ${row.version + 1}.` : "Start a new version to change the plan."} Your text has been kept as a draft.`,
      undefined,
      {
        details: { yours, current: snapshot(row) } satisfies CarePlanConflict,
        afterRollback: keep(carePlanFormKey(row.entryId), row),
      },
    );
  }
  if (row.lockVersion !== input.lockVersion) {
    throw new AppError("conflict:version", undefined, undefined, {
      details: { yours, current: snapshot(row) } satisfies CarePlanConflict,
      afterRollback: keep(carePlanFormKey(row.entryId), row),
    });
  }
  // Notes from a manager who returned the draft stay with it.
  const returnNotes = row.data.returnNotes;
  const [updated] = await tx
    .update(recordEntries)
    .set({
      title: content.title,
      occurredOn: content.planDate,
      data: { ...carePlanData(content), ...(returnNotes ? { returnNotes } : {}) },
      lockVersion: row.lockVersion + 1,
      updatedAt: new Date(),
    })
    .where(and(eq(recordEntries.id, row.id), eq(recordEntries.lockVersion, row.lockVersion)))
    .returning();
  if (!updated) throw new Error("the locked draft changed under its lock");
  await markDraftUsed(tx, actor, childId, carePlanFormKey(row.entryId));
  if (row.version === 1) await markDraftUsed(tx, actor, childId, carePlanFormKey(null));
  return { entryId: updated.entryId, version: updated.version, lockVersion: updated.lockVersion, created: false };
}

/**
 * Submits a draft for a manager's approval. A submitted version is in the chronology (dated the
 * day it was submitted) so the plan's progress can be traced; it is no longer editable.
 */
export async function submitCarePlan(
  tx: Tx,
  actor: Actor,
  access: ChildAccess,
  input: SubmitCarePlanInput,
  /** When it was submitted: now, except when the demo's history is seeded on its real dates. */
  now: Date = new Date(),
): Promise<{ entryId: string; version: number; lockVersion: number; namedIro: NamedIro }> {
  await lockChild(tx, access.childId);
  const row = await versionForUpdate(tx, access.childId, input.entryId, input.version);
  if (!canMoveStatus(row.status, "submitted"))
    throw new AppError(
      "forbidden:action",
      `Version ${row.version} of the care plan ${STATUS_WORDS[row.status] ?? "is not a draft"}: only a draft can be submitted.`,
    );
  refuseStale(row, input.lockVersion, "submit it");
  requireComplete(row);
  // The IRO is written into the version in the same update that submits it: the last moment its
  // content may change (the database refuses any change once it has left draft).
  const namedIro = await requireNamedIro(tx, access.childId);
  const [updated] = await tx
    .update(recordEntries)
    .set({
      data: { ...row.data, namedIro },
      status: "submitted",
      submittedBy: actor.id,
      submittedAt: now,
      inChronology: true,
      occurredOn: todayIso(now),
      lockVersion: row.lockVersion + 1,
      updatedAt: now,
    })
    .where(eq(recordEntries.id, row.id))
    .returning();
  if (!updated) throw new Error("update returned no row");
  return { entryId: updated.entryId, version: updated.version, lockVersion: updated.lockVersion, namedIro };
}

/**
 * Approves a submitted version: it becomes the plan in force (dated the day of approval), the
 * version it replaces is marked superseded (still readable, still in the chronology), and the
 * approval is recorded on the decision trail with the approver's reasons and the views recorded
 * in the plan.
 */
export async function approveCarePlan(
  tx: Tx,
  actor: Actor,
  access: ChildAccess,
  input: ApproveCarePlanInput,
  /** When it was approved: now, except when the demo's history is seeded on its real dates. */
  now: Date = new Date(),
) {
  await lockChild(tx, access.childId);
  const row = await versionForUpdate(tx, access.childId, input.entryId, input.version);
  if (!canMoveStatus(row.status, "approved")) {
    throw new AppError(
      "forbidden:action",
      `Version ${row.version} of the care plan ${row.status === "draft" ? "is a draft: it must be submitted before it can be approved" : (STATUS_WORDS[row.status] ?? "cannot be approved")}.`,
    );
  }
  refuseStale(row, input.lockVersion, "approve it");
  // Two people on every plan: whoever submitted a version cannot also approve it.
  if (row.submittedBy === actor.id) {
    throw new AppError(
      "forbidden:action",
      `You submitted version ${row.version}: another team manager must approve it.`,
    );
  }
  const content = requireComplete(row);
  // The approval is a decision: it asks for the views of every parent with parental responsibility.
  const parentViews = await resolveParentViews(tx, access.childId, input.parentViews, { everyWithPr: true });
  const today = todayIso(now);
  const superseded = await tx
    .update(recordEntries)
    .set({ status: "superseded", updatedAt: now })
    .where(
      and(
        eq(recordEntries.entryId, row.entryId),
        eq(recordEntries.childId, access.childId),
        eq(recordEntries.status, "approved"),
        ne(recordEntries.id, row.id),
      ),
    )
    .returning({ version: recordEntries.version });
  const [updated] = await tx
    .update(recordEntries)
    .set({
      status: "approved",
      approvedBy: actor.id,
      approvedAt: now,
      inChronology: true,
      significant: true,
      occurredOn: today,
      lockVersion: row.lockVersion + 1,
      updatedAt: now,
    })
    .where(eq(recordEntries.id, row.id))
    .returning();
  if (!updated) throw new Error("update returned no row");
  const replaced = superseded.map((s) => s.version).sort((a, b) => a - b);
  const decision = await recordDecision(tx, actor, access.childId, {
    title: `Care plan version ${row.version} approved`,
    occurredOn: today,
    decision: `Version ${row.version} of the care plan ("${content.title}", plan date ${formatUkDate(content.planDate)}) approved${replaced.length ? `, superseding version ${replaced.join(", ")}` : " as the child's first care plan"}.`,
    decidedBy: actor.name,
    reasons: input.comment,
    childViews: content.childViews,
    parentViews,
    relatesTo: { section: "carePlan", entryId: row.entryId, version: row.version },
  });
  return {
    entryId: updated.entryId,
    version: updated.version,
    superseded: replaced,
    decisionEntryId: decision.entryId,
  };
}

/**
 * Returns a submitted version to draft with the manager's comment, so it can be edited again.
 * It leaves the chronology until it is submitted again (the return is in the audit log, and the
 * comment stays with the draft).
 */
export async function returnCarePlan(
  tx: Tx,
  actor: Actor,
  access: ChildAccess,
  input: ReturnCarePlanInput,
): Promise<{ entryId: string; version: number; lockVersion: number }> {
  await lockChild(tx, access.childId);
  const row = await versionForUpdate(tx, access.childId, input.entryId, input.version);
  if (!canMoveStatus(row.status, "returned"))
    throw new AppError(
      "forbidden:action",
      `Version ${row.version} of the care plan is not waiting for approval, so it cannot be returned.`,
    );
  refuseStale(row, input.lockVersion, "return it");
  const content = readCarePlanContent(row);
  const notes = Array.isArray(row.data.returnNotes) ? row.data.returnNotes : [];
  // The new draft names its IRO again when it is submitted, whoever it is then.
  const { namedIro: _named, ...carried } = row.data;
  const now = new Date();
  // The version the manager read is kept exactly as submitted (status "returned", still in the
  // chronology); the author carries on in a new draft version with the manager's comment.
  await tx
    .update(recordEntries)
    .set({ status: "returned", lockVersion: row.lockVersion + 1, updatedAt: now })
    .where(eq(recordEntries.id, row.id));
  const chain = await lockChain(tx, entryChain(access.childId, "carePlan", row.entryId));
  const draft = await chain.append({
    occurredOn: content.planDate,
    title: row.title,
    data: {
      ...carried,
      returnNotes: [...notes, { comment: input.comment, byName: actor.name, at: now.toISOString() }],
    },
    status: "draft",
    inChronology: false,
    isLatest: true,
    confidentiality: row.confidentiality,
    amendReason: `Version ${row.version} returned to draft: ${input.comment}`,
    createdBy: row.createdBy,
  });
  return { entryId: draft.entryId, version: draft.version, lockVersion: draft.lockVersion };
}
