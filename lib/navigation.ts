// Top navigation as data: each item appears only for people the page's own policy lets in.
import { allows, type Actor, type PolicyName } from "@/lib/access";

export const NAV_ITEMS: ReadonlyArray<{ href: string; label: string; policy: PolicyName }> = [
  { href: "/children", label: "Children", policy: "caseload.view" },
  { href: "/work", label: "Work tray", policy: "workTray.view" },
  { href: "/team", label: "Team dashboard", policy: "team.dashboard" },
  { href: "/carers", label: "Carers and homes", policy: "carers.list" },
  { href: "/audit", label: "Audit log", policy: "audit.view" },
  { href: "/find-a-child", label: "Find a child", policy: "child.search" },
  { href: "/admin/users", label: "Users", policy: "user.list" },
  { href: "/admin/retention", label: "Retention", policy: "retention.view" },
  { href: "/admin/same-child", label: "Same child", policy: "sameChild.view" },
  { href: "/data-quality", label: "Data quality", policy: "dataQuality.view" },
  { href: "/returns/ssda903", label: "SSDA903 return", policy: "ssda903.view" },
];

export function navFor(actor: Actor) {
  return NAV_ITEMS.filter((item) => allows(actor, null, item.policy));
}

/** Where someone lands after signing in. */
export function homeFor(actor: Actor): string {
  return navFor(actor)[0]?.href ?? "/sign-in";
}

/** The way back from a child's record: the caseload, or for someone without one (the records officer) their search. */
export function childrenBackLink(actor: Actor | null): { href: string; label: string } {
  return !actor || allows(actor, null, "caseload.view")
    ? { href: "/children", label: "Children" }
    : { href: "/find-a-child", label: "Find a child" };
}
