"use server";
// Records officer: activate or deactivate an account (takes effect on the person's next request).
import { authorizedAction } from "@/lib/actions";
import { setUserActive } from "./commands";
import { setUserActiveSchema } from "./schemas";

// Activate or deactivate a user
export const setUserActiveAction = authorizedAction(
  "user.setActive",
  setUserActiveSchema,
  async ({ tx, actor, input, auditDetail }) => {
    const row = await setUserActive(tx, actor.id, input);
    auditDetail({ userId: row.id, active: input.active });
    return row;
  },
  { revalidate: () => ["/admin/users"] },
);
