// A section the person may not read, on a record they may open: said honestly. Reached by the
// redirect in loadChildPage; a section they may read after all goes straight back to it.
import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { SectionRefusal } from "@/components/children/section-refusal";
import { loadChildPage } from "@/lib/children/page";
import { isRecordSection, sectionHref } from "@/lib/sections";

export const metadata: Metadata = { title: "Section not available" };

export default async function SectionNotSharedPage({
  params,
  searchParams,
}: {
  params: Promise<{ childId: string }>;
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const { childId } = await params;
  const wanted = (await searchParams).section ?? "";
  const page = await loadChildPage(childId, "summary");
  const section = isRecordSection(wanted) ? wanted : "summary";
  if (page.sections.includes(section)) redirect(sectionHref(childId, section));
  return <SectionRefusal page={page} section={section} mode="read" />;
}
