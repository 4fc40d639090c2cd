// Top navigation as data: each item appears only for people whose role holds its permission.
import { can, type Actor, type Permission } from "@/lib/access";

export const NAV_ITEMS: ReadonlyArray<{ href: string; label: string; permission: Permission }> = [
  { href: "/children", label: "Children", permission: "child.list" },
  { href: "/audit", label: "Audit log", permission: "audit.read" },
  { href: "/admin/users", label: "Users", permission: "user.manage" },
  { href: "/admin/retention", label: "Retention", permission: "retention.manage" },
];

export function navFor(actor: Actor) {
  return NAV_ITEMS.filter((item) => can(actor, item.permission));
}

/** Where someone lands after signing in. */
export function homeFor(actor: Actor): string {
  return navFor(actor)[0]?.href ?? "/sign-in";
}
