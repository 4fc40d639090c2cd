// User administration for the records officer: every account, and the way to add one (there is
// no self-registration) or to manage one (role and team, password, deactivation with a reason).
import type { Metadata } from "next";
import Link from "next/link";
import { Badge, ButtonLink, PageHeader } from "@/components/ui";
import { ROLE_LABELS } from "@/lib/access";
import { requireView } from "@/lib/access/view";
import { formatUkDateTime } from "@/lib/dates";
import { listUsers } from "@/lib/users/queries";

export const metadata: Metadata = { title: "Users" };

export default async function UsersPage() {
  const { actor, db } = await requireView("user.list");
  const rows = await listUsers(db);
  const now = new Date();
  return (
    <>
      <PageHeader
        title="Users"
        caption="Accounts are never deleted: deactivate them instead"
        actions={<ButtonLink href="/admin/users/new">Add a user</ButtonLink>}
      />
      <div className="overflow-x-auto rounded border border-slate-300 bg-white">
        <table className="w-full text-left text-sm">
          <caption className="sr-only">Users</caption>
          <thead className="bg-slate-100">
            <tr>
              <th scope="col" className="px-3 py-2">
                Name
              </th>
              <th scope="col" className="px-3 py-2">
                Role
              </th>
              <th scope="col" className="px-3 py-2">
                Team or organisation
              </th>
              <th scope="col" className="px-3 py-2">
                Status
              </th>
              <th scope="col" className="px-3 py-2">
                Last sign-in
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((u) => (
              <tr key={u.id} className="border-t border-slate-200">
                <td className="px-3 py-2">
                  <Link href={`/admin/users/${u.id}`} className="font-semibold">
                    {u.name}
                  </Link>
                  {u.id === actor.id ? <span className="text-sm text-slate-700"> (you)</span> : null}
                  <span className="block text-xs text-slate-600">{u.email}</span>
                </td>
                <td className="px-3 py-2">
                  {ROLE_LABELS[u.role]}
                  {u.swId ? <span className="block text-xs text-slate-600">{u.swId}</span> : null}
                </td>
                <td className="px-3 py-2">{u.team ?? u.organisation ?? ""}</td>
                <td className="px-3 py-2">
                  {u.active ? <Badge tone="green">Active</Badge> : <Badge tone="red">Deactivated</Badge>}{" "}
                  {u.lockedUntil && u.lockedUntil > now ? <Badge tone="amber">Locked</Badge> : null}
                </td>
                <td className="px-3 py-2">{formatUkDateTime(u.lastSignInAt) || "Never"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
