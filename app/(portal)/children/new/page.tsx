// Creating a child's record: a social worker for their own team, a team manager for their own team
// or another they choose.
import type { Metadata } from "next";
import Link from "next/link";
import { NewChildForm } from "@/components/children/new-child-form";
import { PageHeader } from "@/components/ui";
import { can } from "@/lib/access";
import { requireView } from "@/lib/access/view";
import { teamChoices } from "@/lib/children/queries";

export const metadata: Metadata = { title: "Create a child's record" };

export default async function NewChildPage() {
  const { actor, db } = await requireView("child.create", "/children");
  // Whoever allocates (a team manager) may open the record in another team; a social worker's is their own.
  const teams = can(actor, "allocation.manage") ? await teamChoices(db) : [];
  return (
    <div className="max-w-2xl">
      <nav aria-label="Breadcrumb" className="mb-2 text-sm">
        <Link href="/children">Children</Link>
      </nav>
      <PageHeader title="Create a child's record" caption="Possible duplicates are shown before anything is saved" />
      <NewChildForm teams={teams} ownTeamId={actor.teamId} />
    </div>
  );
}
