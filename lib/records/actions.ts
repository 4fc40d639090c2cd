"use server";
// Server actions for the sections of a child's record kept as entries: one wrapped action per
// section and policy (create, amend, autosave), chosen by section; marking significance; sealing.
import { ENTRY_SECTIONS, type EntrySection } from "@/db/schema/codes";
import type { StoredParentView } from "@/lib/people/commands";
import { actionFamily, authorizedAction, familyOf } from "@/lib/actions";
import { FORM_SECTIONS, formSpec, sectionHref, type FormSection } from "@/lib/sections";
import {
  amendEntry,
  createEntry,
  markDraftUsed,
  recordDecision,
  saveDraft,
  sealEntry,
  setSignificant,
} from "./commands";
import {
  amendEntrySchema,
  createEntrySchema,
  markSignificantSchema,
  saveDraftSchema,
  sealEntrySchema,
} from "./schemas";

const paths = (childId: string, section: FormSection) => [
  sectionHref(childId, section),
  sectionHref(childId, "chronology"),
];

/** The parents' views the entry's command resolved from the linked people, as the decision records them. */
function storedParentViews(data: Record<string, unknown>): StoredParentView[] {
  return Array.isArray(data.parentViews) ? (data.parentViews as StoredParentView[]) : [];
}

function viewsOf(data: Record<string, unknown>): { status: string; text: string } {
  return (data.childViews as { status: string; text: string } | undefined) ?? { status: "", text: "" };
}

const creators = familyOf(FORM_SECTIONS, (section) =>
  authorizedAction(
    `${section}.create`,
    createEntrySchema(section),
    async ({ tx, actor, input, access, auditDetail }) => {
      const row = await createEntry(tx, actor, access, section, input);
      await markDraftUsed(tx, actor, input.childId, `${section}:new`);
      auditDetail({ entryId: row.entryId, version: row.version, confidentiality: row.confidentiality });
      if (formSpec(section).recordsDecision) {
        // A new contact arrangement is a decision, as each change to it is.
        const d = input.data as Record<string, unknown>;
        const decision = await recordDecision(tx, actor, input.childId, {
          title: `Contact arrangement made: ${input.title}`,
          occurredOn: input.occurredOn,
          decision: `Contact arrangement "${input.title}" made: contact with ${String(d.withWhom ?? "")} (${String(d.relationship ?? "")}), ${String(d.frequency ?? "")}, ${String(d.supervision ?? "").toLowerCase()}.`,
          decidedBy: actor.name,
          reasons: String(d.reasons ?? "") || "A new contact arrangement for the child.",
          childViews: viewsOf(input.data),
          // Every parent with parental responsibility, as asked on the form (resolved by createEntry).
          parentViews: storedParentViews(row.data),
          relatesTo: { section, entryId: row.entryId, version: row.version },
        });
        auditDetail({ decisionEntryId: decision.entryId });
      }
      return { entryId: row.entryId, version: row.version };
    },
    { revalidate: (i) => paths(i.childId, section) },
  ),
);

const amenders = familyOf(FORM_SECTIONS, (section) =>
  authorizedAction(
    `${section}.amend`,
    amendEntrySchema(section),
    async ({ tx, actor, input, access, auditDetail }) => {
      const row = await amendEntry(tx, actor, access, section, input);
      auditDetail({ entryId: row.entryId, version: row.version, reason: input.amendReason });
      if (formSpec(section).recordsDecision) {
        // A change of contact arrangements is a decision: it goes on the decision trail with the views recorded.
        const views = viewsOf(input.data);
        const decision = await recordDecision(tx, actor, input.childId, {
          title: `Contact arrangement changed: ${input.title}`,
          occurredOn: input.occurredOn,
          decision: `Contact arrangement "${input.title}" changed to version ${row.version}.`,
          decidedBy: actor.name,
          reasons: input.amendReason,
          childViews: views,
          // Every parent with parental responsibility, as asked on the form (resolved by amendEntry).
          parentViews: storedParentViews(row.data),
          relatesTo: { section, entryId: row.entryId, version: row.version },
        });
        auditDetail({ decisionEntryId: decision.entryId });
      }
      return { entryId: row.entryId, version: row.version };
    },
    { revalidate: (i) => paths(i.childId, section) },
  ),
);

const draftSavers = familyOf<EntrySection, { savedAt: string }>(ENTRY_SECTIONS, (section) =>
  authorizedAction(
    `${section}.draftSave`,
    saveDraftSchema.refine((i) => i.formKey.startsWith(`${section}:`), {
      path: ["formKey"],
      message: "The draft does not belong to this form",
    }),
    async ({ tx, actor, input }) => {
      const row = await saveDraft(tx, actor, input.childId, input.formKey, input.data);
      return { savedAt: row?.savedAt.toISOString() ?? new Date().toISOString() };
    },
  ),
);

// Record a new entry in a section of a child's record
export const createEntryAction = actionFamily(creators);

// Amend an entry: a new version with a reason; the earlier version stays readable
export const amendEntryAction = actionFamily(amenders);

// Autosave a long form's draft on the server (the section, and a form key that belongs to it)
export const saveDraftAction = actionFamily(draftSavers);

// Mark an entry significant (or not) in the chronology
export const markSignificantAction = authorizedAction(
  "entry.markSignificant",
  markSignificantSchema,
  async ({ tx, input, auditDetail }) => {
    const row = await setSignificant(tx, input.childId, input.rowId, input.significant);
    auditDetail({ rowId: row.id, significant: input.significant });
    return row;
  },
  { revalidate: (i) => [sectionHref(i.childId, "chronology")] },
);

// Seal a misfiled entry (records officer, no relationship needed; flagged): kept, hidden from everyone else
export const sealEntryAction = authorizedAction(
  "entry.seal",
  sealEntrySchema,
  async ({ tx, actor, input, auditDetail }) => {
    const row = await sealEntry(tx, actor, input);
    auditDetail({ entryId: row.entryId, version: row.version, section: input.section, reason: input.reason });
    return { entryId: row.entryId, version: row.version };
  },
  { revalidate: (i) => [sectionHref(i.childId, "chronology")] },
);
