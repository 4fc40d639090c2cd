// Server-action bodies for section entries, one wrapped action per section (each with its own
// permission, schema and relationship check), dispatched by section name.
import "server-only";
import { z } from "zod";
import { authorizedAction, type ActionResult } from "@/lib/actions";
import { messageFor } from "@/lib/errors";
import { ENTRY_SECTIONS, type EntrySection } from "./constants";
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
import { GENERIC_SECTIONS, SECTION_SPECS, type GenericSection } from "./sections";

const entryPath = (childId: string, section: GenericSection) => `/children/${childId}/${SECTION_SPECS[section].path}`;

const creators = Object.fromEntries(
  GENERIC_SECTIONS.map((section) => [
    section,
    authorizedAction(
      {
        action: `${section}.create`,
        permission: `${section}.write`,
        schema: createEntrySchema(section),
        child: { id: (i) => i.childId, section },
        revalidate: (i) => [entryPath(i.childId, section), `/children/${i.childId}/chronology`],
      },
      async ({ tx, actor, input, access, auditDetail }) => {
        if (!access) throw new Error("access checked by the wrapper");
        const row = await createEntry(tx, actor, access, section, input);
        await markDraftUsed(tx, actor, input.childId, `${section}:new`);
        auditDetail({ entryId: row.entryId, version: row.version, confidentiality: row.confidentiality });
        return { entryId: row.entryId, version: row.version };
      },
    ),
  ]),
) as Record<GenericSection, (values: unknown) => Promise<ActionResult<{ entryId: string; version: number }>>>;

const amenders = Object.fromEntries(
  GENERIC_SECTIONS.map((section) => [
    section,
    authorizedAction(
      {
        action: `${section}.amend`,
        permission: `${section}.write`,
        schema: amendEntrySchema(section),
        child: { id: (i) => i.childId, section },
        revalidate: (i) => [entryPath(i.childId, section), `/children/${i.childId}/chronology`],
      },
      async ({ tx, actor, input, access, auditDetail }) => {
        if (!access) throw new Error("access checked by the wrapper");
        const row = await amendEntry(tx, actor, access, section, input);
        auditDetail({ entryId: row.entryId, version: row.version, reason: input.amendReason });
        if (SECTION_SPECS[section].decisionOnAmend) {
          // A change of contact arrangements is a decision: it goes on the decision trail with the views recorded.
          const views = (input.data.childViews as { status: string; text: string } | undefined) ?? {
            status: "",
            text: "",
          };
          const decision = await recordDecision(tx, actor, input.childId, {
            title: `Contact arrangement changed: ${input.title}`,
            occurredOn: input.occurredOn,
            decision: `Contact arrangement "${input.title}" changed to version ${row.version}.`,
            decidedBy: actor.name,
            reasons: input.amendReason,
            childViews: views,
            parentViews: [],
            relatesTo: { section, entryId: row.entryId, version: row.version },
          });
          auditDetail({ decisionEntryId: decision.entryId });
        }
        return { entryId: row.entryId, version: row.version };
      },
    ),
  ]),
) as Record<GenericSection, (values: unknown) => Promise<ActionResult<{ entryId: string; version: number }>>>;

const draftSavers = Object.fromEntries(
  ENTRY_SECTIONS.map((section) => [
    section,
    authorizedAction(
      {
        action: `${section}.draftSave`,
        permission: `${section}.write`,
        schema: saveDraftSchema,
        child: { id: (i) => i.childId, section },
      },
      async ({ tx, actor, input }) => {
        if (!input.formKey.startsWith(`${section}:`)) throw new Error("form key does not match its section");
        const row = await saveDraft(tx, actor, input.childId, input.formKey, input.data);
        return { savedAt: row?.savedAt.toISOString() ?? new Date().toISOString() };
      },
    ),
  ]),
) as Record<EntrySection, (values: unknown) => Promise<ActionResult<{ savedAt: string }>>>;

const unknownSection = <T>(): ActionResult<T> => ({
  ok: false,
  error: { code: "not-found", message: messageFor("not-found") },
});

export function createEntryFor(section: string, values: unknown) {
  const run = Object.hasOwn(creators, section) ? creators[section as GenericSection] : undefined;
  return run ? run(values) : Promise.resolve(unknownSection<{ entryId: string; version: number }>());
}

export function amendEntryFor(section: string, values: unknown) {
  const run = Object.hasOwn(amenders, section) ? amenders[section as GenericSection] : undefined;
  return run ? run(values) : Promise.resolve(unknownSection<{ entryId: string; version: number }>());
}

export function saveDraftFor(values: unknown) {
  const section = z.object({ formKey: z.string() }).safeParse(values).data?.formKey.split(":")[0] ?? "";
  const run = Object.hasOwn(draftSavers, section) ? draftSavers[section as EntrySection] : undefined;
  return run ? run(values) : Promise.resolve(unknownSection<{ savedAt: string }>());
}

export const markSignificant = authorizedAction(
  {
    action: "entry.markSignificant",
    permission: "entry.markSignificant",
    schema: markSignificantSchema,
    child: { id: (i) => i.childId, section: "chronology", mode: "read" },
    revalidate: (i) => [`/children/${i.childId}/chronology`],
  },
  async ({ tx, input, auditDetail }) => {
    const row = await setSignificant(tx, input.childId, input.rowId, input.significant);
    auditDetail({ rowId: row.id, significant: input.significant });
    return row;
  },
);

/** Records officer only (entry.seal); they need no relationship to the child, and the event is flagged. */
export const sealMisfiledEntry = authorizedAction(
  {
    action: "entry.seal",
    permission: "entry.seal",
    schema: sealEntrySchema,
    subjectChild: (i) => i.childId,
    flagged: true,
    revalidate: (i) => [`/children/${i.childId}/chronology`],
  },
  async ({ tx, actor, input, auditDetail }) => {
    const row = await sealEntry(tx, actor, input);
    auditDetail({ entryId: row.entryId, version: row.version, section: input.section, reason: input.reason });
    return { entryId: row.entryId, version: row.version };
  },
);
