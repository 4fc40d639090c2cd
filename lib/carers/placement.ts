// Where a placement is, from the carer's or home's own record: an episode linked to a carer record
// takes its placement postcode (SSDA903 PL_POST) and URN from the record's current details, so they
// are typed once, on the record, and never disagree with it. A home's URN is its own; a foster
// household's is the URN of the fostering service that approved it, which the Department asks for.
import { and, eq, isNull } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { carerRecords, carerRecordVersions } from "@/db/schema";
import { AppError } from "@/lib/errors";

export async function placementFromCarerRecord<T extends object>(tx: Pick<Tx, "select">, input: T): Promise<T> {
  const carerRecordId =
    "carerRecordId" in input && typeof input.carerRecordId === "string" ? input.carerRecordId : null;
  if (!carerRecordId) return input;
  const [row] = await tx
    .select({
      postcode: carerRecordVersions.postcode,
      urn: carerRecordVersions.urn,
      firstPostcode: carerRecords.postcode,
      firstUrn: carerRecords.urn,
    })
    .from(carerRecords)
    .leftJoin(
      carerRecordVersions,
      and(eq(carerRecordVersions.carerRecordId, carerRecords.id), isNull(carerRecordVersions.supersededAt)),
    )
    .where(and(eq(carerRecords.id, carerRecordId), isNull(carerRecords.deletedAt)))
    .limit(1);
  if (!row) throw new AppError("invalid:input", undefined, { carerRecordId: ["Choose a carer or home from the list"] });
  return {
    ...input,
    placementPostcode: row.postcode ?? row.firstPostcode,
    urn: row.urn ?? row.firstUrn,
  };
}
