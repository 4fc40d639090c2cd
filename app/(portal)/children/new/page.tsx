// Creating a child's record: social workers and team managers, for their own team.
import type { Metadata } from "next";
import Link from "next/link";
import { NewChildForm } from "@/components/children/new-child-form";
import { PageHeader } from "@/components/ui";
import { requireView } from "@/lib/access/view";

export const metadata: Metadata = { title: "Create a child's record" };

export default async function NewChildPage() {
  await requireView("child.create", "/children");
  return (
    <div className="max-w-2xl">
      <nav aria-label="Breadcrumb" className="mb-2 text-sm">
        <Link href="/children">Children</Link>
      </nav>
      <PageHeader title="Create a child's record" caption="Possible duplicates are shown before anything is saved" />
      <NewChildForm />
    </div>
  );
}
