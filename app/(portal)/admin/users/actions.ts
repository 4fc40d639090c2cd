"use server";
// Records officer: activate or deactivate an account (takes effect on the person's next request).
import { authorizedAction } from "@/lib/actions";
import { setUserActive } from "@/lib/users/commands";
import { setUserActiveSchema } from "@/lib/users/schemas";

// Activate or deactivate a user
export const setUserActiveAction = authorizedAction(
  {
    action: "user.setActive",
    permission: "user.manage",
    schema: setUserActiveSchema,
    revalidate: () => ["/admin/users"],
  },
  async ({ tx, actor, input, auditDetail }) => {
    const row = await setUserActive(tx, actor.id, input);
    auditDetail({ userId: row.id, active: input.active });
    return row;
  },
);
