// Adding an entry to a section; a long form's autosaved draft is restored if there is one.
import type { Metadata } from "next";
import { ChildRecordShell } from "@/components/children/child-record-shell";
import { SectionRefusal } from "@/components/children/section-refusal";
import { EntryForm } from "@/components/records/entry-form";
import { formatUkDateTime } from "@/lib/dates";
import { blankFormValues, type EntryFormValues } from "@/lib/records/format";
import { parentChoices } from "@/lib/people/queries";
import { loadSectionPage } from "@/lib/records/page";
import { getDraft } from "@/lib/records/queries";
import { addLabel } from "@/lib/sections";

export const metadata: Metadata = { title: "New entry" };

export default async function NewEntryPage({ params }: { params: Promise<{ childId: string; section: string }> }) {
  const { childId, section: path } = await params;
  const page = await loadSectionPage(childId, path);
  if (!page.may(`${page.section}.create`)) return <SectionRefusal page={page} section={page.section} mode="write" />;
  const draft = page.spec.autosave ? await getDraft(page.db, page.actor, childId, `${page.section}:new`) : null;
  return (
    <ChildRecordShell page={page} current={page.section}>
      <h2 className="mb-4 text-xl font-bold">{addLabel(page.section)}</h2>
      <EntryForm
        section={page.section}
        childId={childId}
        defaults={
          draft
            ? ({ ...blankFormValues(page.section, page.actor.name), ...draft.data } as EntryFormValues)
            : blankFormValues(page.section, page.actor.name)
        }
        canRestrict={!page.access.redactions.submitsAsProvider}
        parents={
          page.spec.fields.some((f) => f.kind === "parentViews") ? await parentChoices(page.db, page.access) : []
        }
        restoredFrom={draft ? formatUkDateTime(draft.savedAt) : null}
      />
    </ChildRecordShell>
  );
}
