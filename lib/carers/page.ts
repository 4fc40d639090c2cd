// The one entry for pages that show a carer's or home's record: the policy through authorizedView
// (signed-in person, relationship to the record, audited view) and the record's header. A refusal
// is answered as for a record that does not exist.
import "server-only";
import { notFound, redirect } from "next/navigation";
import { allows, type PolicyName } from "@/lib/access";
import { authorizedView } from "@/lib/access/view";
import { getCarerSummary } from "./queries";

export async function loadCarerPage(carerRecordId: string, policy: "carerRecord.view" | "carerEntries.view") {
  const view = await authorizedView(policy, carerRecordId);
  if (!view.ok) {
    if (view.refusal === "signed-out") redirect("/sign-in");
    notFound();
  }
  const { actor, db, access } = view;
  const summary = await getCarerSummary(db, access);
  if (!summary) notFound();
  return { actor, db, access, summary, may: (name: PolicyName) => allows(actor, access, name) };
}
export type CarerPage = Awaited<ReturnType<typeof loadCarerPage>>;
