// Adding a user: the records officer only (there is no self-registration), with a reason.
import type { Metadata } from "next";
import Link from "next/link";
import { NewUserForm } from "@/components/users/user-forms";
import { PageHeader } from "@/components/ui";
import { requireView } from "@/lib/access/view";
import { listPlacements } from "@/lib/users/queries";

export const metadata: Metadata = { title: "Add a user" };

export default async function NewUserPage() {
  const { db } = await requireView("user.create");
  const placements = await listPlacements(db);
  return (
    <>
      <nav aria-label="Breadcrumb" className="mb-2 text-sm">
        <Link href="/admin/users">Users</Link> <span aria-hidden="true">›</span> <span>Add a user</span>
      </nav>
      <PageHeader
        title="Add a user"
        caption="People cannot register themselves: every account is added here, with a temporary password"
      />
      <NewUserForm placements={placements} />
    </>
  );
}
