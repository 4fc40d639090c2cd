// The one entry for pages that show a child: the section's view policy through authorizedView
// (signed-in person, policy, audited view), and the record's header. Someone who may not open the
// child at all is answered as for a child that does not exist; someone who may open the record
// but not this section is told so honestly (the not-shared page).
import "server-only";
import { notFound, redirect } from "next/navigation";
import { eq } from "drizzle-orm";
import { children } from "@/db/schema";
import { allows, readableSections, type ChildPolicyName, type PolicyName, type RecordSection } from "@/lib/access";
import { authorizedView } from "@/lib/access/view";
import { cpPlanInForce } from "./queries";
import { sameChildReferences } from "./same-child";

/** `policy` names a view of one part of a section (the IRO's monitoring notes), audited as itself. */
export async function loadChildPage(
  childId: string,
  section: RecordSection,
  policy: ChildPolicyName = `${section}.view`,
) {
  // The view is logged before anything is shown, but alongside the page's reads rather than before
  // them: the record's frame (ChildRecordShell) awaits `audited` before it renders anything of the
  // record, so a page is never shown unless its audit event committed.
  const view = await authorizedView(policy, childId, { deferAudit: true });
  if (!view.ok) {
    if (view.refusal === "signed-out") redirect("/sign-in");
    if (view.access && section !== "summary") redirect(`/children/${childId}/not-shared?section=${section}`);
    notFound();
  }
  const { actor, db, access } = view;
  const audited = view.audit();
  // Awaited by the frame; a page that leaves early (not found, a redirect) must not crash the process.
  audited.catch(() => undefined);
  const [[header], sameChild] = await Promise.all([
    db
      .select({
        id: children.id,
        reference: children.reference,
        firstName: children.firstName,
        lastName: children.lastName,
        preferredName: children.preferredName,
        dateOfBirth: children.dateOfBirth,
        // Whether a Child Protection Plan is in force: restricted, so never worked out for a provider.
        cpInForce: cpPlanInForce(access.redactions.hidesChildProtection),
      })
      .from(children)
      .where(eq(children.id, childId))
      .limit(1),
    sameChildReferences(db, childId),
  ]);
  if (!header) notFound();
  return {
    actor,
    access,
    db,
    /** The view's audit event: settled before anything of the record is rendered. */
    audited,
    header,
    /** Other records of the same child: the one in use, or those closed in favour of this one. */
    sameChild,
    sections: readableSections(actor, access),
    /** What the page may offer: the same policy table the server actions decide by. */
    may: (name: PolicyName) => allows(actor, access, name),
  };
}
export type ChildPage = Awaited<ReturnType<typeof loadChildPage>>;
