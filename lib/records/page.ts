// Loading a section page: the section's spec from its URL segment, then the audited child page.
import "server-only";
import { notFound } from "next/navigation";
import { loadChildPage } from "@/lib/children/page";
import { specByPath } from "./sections";
import type { GenericSection } from "./sections";

export async function loadSectionPage(childId: string, sectionPath: string) {
  const spec = specByPath(sectionPath);
  if (!spec) notFound();
  const page = await loadChildPage(childId, spec.section);
  return { ...page, spec, section: spec.section as GenericSection };
}
