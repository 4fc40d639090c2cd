// Loading a section page: the section's spec from its URL segment, then the audited child page.
import "server-only";
import { notFound } from "next/navigation";
import { loadChildPage } from "@/lib/children/page";
import { formSpecByPath } from "@/lib/sections";
import type { FormSection } from "@/lib/sections";

export async function loadSectionPage(childId: string, sectionPath: string) {
  const spec = formSpecByPath(sectionPath);
  if (!spec) notFound();
  const page = await loadChildPage(childId, spec.key);
  return { ...page, spec, section: spec.key as FormSection };
}
