// The retention hold: its state, why, and (records officer only) changing it with a reason.
import type { Metadata } from "next";
import { Card, Notice, PageHeader, SummaryList } from "@/components/ui";
import { requireView } from "@/lib/access/view";
import { formatUkDateTime } from "@/lib/dates";
import { getRetentionHold } from "@/lib/retention";
import { HoldForm } from "./hold-form";

export const metadata: Metadata = { title: "Retention" };

export default async function RetentionPage() {
  const { db } = await requireView("retention.view");
  const hold = await getRetentionHold(db);
  return (
    <>
      <PageHeader title="Retention hold" />
      {hold.active ? (
        <Notice tone="warning" title="The retention hold is on">
          No record may be deleted. The database refuses deletion and soft-deletion of every record table while the hold
          is on.
        </Notice>
      ) : (
        <Notice tone="info" title="The retention hold is off">
          Records may be destroyed according to the retention schedule.
        </Notice>
      )}
      <div className="grid gap-4 md:grid-cols-2">
        <Card title="Current decision">
          <SummaryList
            items={[
              { term: "Reason", value: hold.reason },
              { term: "Last changed", value: formatUkDateTime(hold.changedAt) },
            ]}
          />
        </Card>
        <Card title="Change the hold">
          <HoldForm active={hold.active} />
        </Card>
      </div>
    </>
  );
}
