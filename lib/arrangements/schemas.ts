// Provider arrangements: which provider discharges which of the authority's functions, from and to.
import { z } from "zod";
import { id, optionalUkDate, requiredText, ukDate } from "@/lib/validation";

const fields = {
  childId: id,
  functions: requiredText("the functions the provider will discharge", 2000),
  startDate: ukDate("the start date"),
  endDate: optionalUkDate("the end date"),
};

const endsAfterStart = (v: { startDate: string; endDate: string | null }) =>
  v.endDate === null || v.endDate >= v.startDate;
const endMessage = { message: "The end date must be on or after the start date", path: ["endDate"] };

export const createArrangementSchema = z
  .object({ ...fields, organisationId: z.string().uuid("Choose the provider") })
  .refine(endsAfterStart, endMessage);

export const amendArrangementSchema = z
  .object({
    ...fields,
    arrangementId: id,
    amendReason: z.string().trim().min(5, "Say why the arrangement is changing (at least 5 characters)").max(2000),
  })
  .refine(endsAfterStart, endMessage);
