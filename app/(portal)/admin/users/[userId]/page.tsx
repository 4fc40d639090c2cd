// One account, for the records officer: its details, its role and team, a password reset, and
// deactivation (with a reason and a confirmation) or reactivation. Each change is audited.
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import {
  AccountActiveForm,
  ChangeRoleForm,
  ResetPasswordForm,
  SocialWorkerIdForm,
} from "@/components/users/user-forms";
import { Badge, Card, Notice, PageHeader, SummaryList } from "@/components/ui";
import { ROLE_LABELS } from "@/lib/access";
import { requireView } from "@/lib/access/view";
import { formatUkDateTime } from "@/lib/dates";
import { isUuid } from "@/lib/validation";
import { getUser, listPlacements } from "@/lib/users/queries";
import { REGISTERED_SOCIAL_WORK_ROLES } from "@/lib/users/schemas";

export const metadata: Metadata = { title: "Manage a user" };

export default async function UserPage({ params }: { params: Promise<{ userId: string }> }) {
  const { actor, db } = await requireView("user.list");
  const { userId } = await params;
  if (!isUuid(userId)) notFound();
  const [user, placements] = await Promise.all([getUser(db, userId), listPlacements(db)]);
  if (!user) notFound();
  const own = user.id === actor.id;
  return (
    <>
      <nav aria-label="Breadcrumb" className="mb-2 text-sm">
        <Link href="/admin/users">Users</Link> <span aria-hidden="true">›</span> <span>{user.name}</span>
      </nav>
      <PageHeader
        title={user.name}
        caption={
          <>
            {user.email} · {ROLE_LABELS[user.role]}{" "}
            {user.active ? <Badge tone="green">Active</Badge> : <Badge tone="red">Deactivated</Badge>}
          </>
        }
      />
      <Card title="Account">
        <SummaryList
          items={[
            { term: "Role", value: ROLE_LABELS[user.role] },
            { term: "Team or organisation", value: user.team ?? user.organisation ?? "None" },
            { term: "Status", value: user.active ? "Active" : "Deactivated: cannot sign in" },
            ...(REGISTERED_SOCIAL_WORK_ROLES.includes(user.role) || user.swId
              ? [{ term: "Social Work England registration", value: user.swId ?? "Not recorded" }]
              : []),
            {
              term: "Locked",
              value:
                user.lockedUntil && user.lockedUntil > new Date()
                  ? `Until ${formatUkDateTime(user.lockedUntil)}`
                  : "No",
            },
            { term: "Last sign-in", value: formatUkDateTime(user.lastSignInAt) || "Never" },
            { term: "Added", value: formatUkDateTime(user.createdAt) },
          ]}
        />
        <p className="mt-2">
          <Link href={`/audit?user=${encodeURIComponent(user.email)}`}>
            Everything {user.name} has done, in the audit log
          </Link>
        </p>
      </Card>
      {own ? (
        <Notice tone="info" title="This is your own account">
          Another records officer changes your role, resets your password or deactivates your account.
        </Notice>
      ) : (
        <div className="mt-6 grid gap-6 lg:grid-cols-2">
          <Card title="Role and team">
            <ChangeRoleForm user={user} placements={placements} />
          </Card>
          {REGISTERED_SOCIAL_WORK_ROLES.includes(user.role) ? (
            <Card title="Social Work England registration">
              <SocialWorkerIdForm user={user} />
            </Card>
          ) : null}
          <Card title="Password">
            <ResetPasswordForm user={user} />
          </Card>
          <Card title={user.active ? "Deactivate the account" : "Reactivate the account"}>
            <AccountActiveForm key={String(user.active)} user={user} />
          </Card>
        </div>
      )}
    </>
  );
}
