// The honest answer, inside the child's record, for a section the person may not read or add to.
import Link from "next/link";
import { Notice } from "@/components/ui";
import type { ChildPage } from "@/lib/children/page";
import { sectionRefusal } from "@/lib/children/refusal";
import { sectionHref, type RecordSection } from "@/lib/sections";
import { ChildRecordShell } from "./child-record-shell";

export function SectionRefusal({
  page,
  section,
  mode,
}: {
  page: ChildPage;
  section: RecordSection;
  mode: "read" | "write";
}) {
  const text = sectionRefusal(page.access.relation, section, mode);
  const back = mode === "write" && page.sections.includes(section) ? section : "summary";
  return (
    <ChildRecordShell page={page} current={back}>
      <h2 className="mb-4 text-xl font-bold">{text.title}</h2>
      <Notice tone="info">{text.body}</Notice>
      <p>
        <Link href={sectionHref(page.header.id, back)}>
          {back === "summary" ? "Back to the overview" : "Back to the section"}
        </Link>
      </p>
    </ChildRecordShell>
  );
}
