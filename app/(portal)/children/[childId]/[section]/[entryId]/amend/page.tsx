// Amending an entry: the form starts from the latest version; the save makes a new version.
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ChildRecordShell } from "@/components/children/child-record-shell";
import { SectionRefusal } from "@/components/children/section-refusal";
import { EntryForm } from "@/components/records/entry-form";
import { formatUkDateTime } from "@/lib/dates";
import { entryToFormValues, type EntryFormValues } from "@/lib/records/format";
import { parentChoices } from "@/lib/people/queries";
import { loadSectionPage } from "@/lib/records/page";
import { getDraft, getEntryVersions } from "@/lib/records/queries";

export const metadata: Metadata = { title: "Amend entry" };

export default async function AmendEntryPage({
  params,
}: {
  params: Promise<{ childId: string; section: string; entryId: string }>;
}) {
  const { childId, section: path, entryId } = await params;
  const page = await loadSectionPage(childId, path);
  if (!page.may(`${page.section}.amend`)) return <SectionRefusal page={page} section={page.section} mode="write" />;
  const versions = await getEntryVersions(page.db, page.actor, page.access, page.section, entryId);
  const latest = versions[versions.length - 1];
  if (!latest) notFound();
  const draft = page.spec.autosave ? await getDraft(page.db, page.actor, childId, `${page.section}:${entryId}`) : null;
  const defaults = entryToFormValues(page.section, latest);
  return (
    <ChildRecordShell page={page} current={page.section}>
      <h2 className="mb-1 text-xl font-bold">Amend: {latest.title}</h2>
      <p className="mb-4 text-slate-700">
        You are amending version {latest.version}. Your amendment becomes version {latest.version + 1}; every earlier
        version stays in the record.
      </p>
      <EntryForm
        section={page.section}
        childId={childId}
        defaults={draft ? ({ ...defaults, ...draft.data } as EntryFormValues) : defaults}
        amend={{
          entryId,
          baseVersion: draft && typeof draft.data.baseVersion === "number" ? draft.data.baseVersion : latest.version,
        }}
        canRestrict={!page.access.redactions.submitsAsProvider}
        parents={
          page.spec.fields.some((f) => f.kind === "parentViews") ? await parentChoices(page.db, page.access) : []
        }
        restoredFrom={draft ? formatUkDateTime(draft.savedAt) : null}
      />
    </ChildRecordShell>
  );
}
