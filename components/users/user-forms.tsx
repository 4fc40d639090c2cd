"use client";
// The records officer's forms for one account: add it, change its role or team, reset its
// password, deactivate or reactivate it. Each asks for a reason; deactivating asks again before
// it happens. A temporary password is shown once, here, and nowhere else.
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { FormError, Select, TextArea, TextInput } from "@/components/forms/fields";
import { useActionForm } from "@/components/forms/use-action-form";
import { Button, Notice } from "@/components/ui";
import { ROLE_LABELS, ROLES, type Role } from "@/lib/access/permissions";
import {
  changeUserRoleAction,
  createUserAction,
  resetUserPasswordAction,
  setSocialWorkerIdAction,
  setUserActiveAction,
} from "@/lib/users/actions";
import {
  changeRoleSchema,
  createUserSchema,
  resetPasswordSchema,
  ROLE_NEEDS,
  setUserActiveSchema,
  socialWorkerIdSchema,
} from "@/lib/users/schemas";

interface Choice {
  id: string;
  name: string;
}
interface Placements {
  teams: Choice[];
  organisations: Choice[];
}

const ROLE_OPTIONS = [
  { value: "", label: "Select a role" },
  ...ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] })),
];
const options = (list: Choice[], none: string) => [
  { value: "", label: none },
  ...list.map((c) => ({ value: c.id, label: c.name })),
];

function TemporaryPassword({ name, password }: { name: string; password: string }) {
  return (
    <Notice tone="success" title={`Temporary password for ${name}`}>
      <p className="mb-2">
        Give it to {name} in person or by phone, never by email. It is shown only this once and is not stored anywhere
        readable.
      </p>
      <p className="font-mono text-xl font-bold" data-testid="temporary-password">
        {password}
      </p>
    </Notice>
  );
}

/** Role, then the team or organisation that role needs. */
function PlacementFields({
  form,
  placements,
  prefix,
}: {
  // The two forms' values share these three fields.
  form: ReturnType<typeof useActionForm<typeof changeRoleSchema, unknown>>["form"];
  placements: Placements;
  prefix: string;
}) {
  const role = form.watch("role") as Role | "";
  const needs = role ? ROLE_NEEDS[role] : "none";
  const errors = form.formState.errors;
  return (
    <>
      <Select
        id={`${prefix}-role`}
        label="Role"
        options={ROLE_OPTIONS}
        error={errors.role}
        {...form.register("role")}
      />
      {needs === "team" ? (
        <Select
          id={`${prefix}-team`}
          label="Team"
          options={options(placements.teams, "Select a team")}
          error={errors.teamId}
          {...form.register("teamId")}
        />
      ) : null}
      {needs === "organisation" ? (
        <Select
          id={`${prefix}-organisation`}
          label="Provider organisation"
          options={options(placements.organisations, "Select an organisation")}
          error={errors.organisationId}
          {...form.register("organisationId")}
        />
      ) : null}
    </>
  );
}

export function NewUserForm({ placements }: { placements: Placements }) {
  const router = useRouter();
  const [created, setCreated] = useState<{ id: string; name: string; temporaryPassword: string } | null>(null);
  const { form, onSubmit, pending, formError } = useActionForm({
    schema: createUserSchema,
    action: createUserAction,
    defaultValues: { name: "", email: "", role: "" as Role, teamId: "", organisationId: "", reason: "" },
    onSuccess: (data) => {
      setCreated(data);
      router.refresh();
    },
  });
  if (created)
    return (
      <>
        <TemporaryPassword name={created.name} password={created.temporaryPassword} />
        <p className="flex flex-wrap gap-4">
          <Link href={`/admin/users/${created.id}`}>Go to {created.name}&apos;s account</Link>
          <Link href="/admin/users">Back to users</Link>
        </p>
      </>
    );
  const errors = form.formState.errors;
  return (
    <form onSubmit={onSubmit} noValidate className="max-w-2xl">
      <FormError message={formError} />
      <TextInput id="new-name" label="Full name" autoComplete="off" error={errors.name} {...form.register("name")} />
      <TextInput
        id="new-email"
        label="Work email address"
        type="email"
        autoComplete="off"
        spellCheck={false}
        error={errors.email}
        {...form.register("email")}
      />
      <PlacementFields form={form as never} placements={placements} prefix="new" />
      <TextArea
        id="new-reason"
        label="Why is this account needed?"
        hint="For example, a new starter in the North team. Recorded in the audit log."
        rows={3}
        error={errors.reason}
        {...form.register("reason")}
      />
      <Button type="submit" disabled={pending}>
        {pending ? "Adding…" : "Add the user"}
      </Button>
    </form>
  );
}

export function ChangeRoleForm({
  user,
  placements,
}: {
  user: { id: string; name: string; role: Role; teamId: string | null; organisationId: string | null };
  placements: Placements;
}) {
  const router = useRouter();
  const [done, setDone] = useState(false);
  const { form, onSubmit, pending, formError } = useActionForm({
    schema: changeRoleSchema,
    action: changeUserRoleAction,
    defaultValues: {
      userId: user.id,
      role: user.role,
      teamId: user.teamId ?? "",
      organisationId: user.organisationId ?? "",
      reason: "",
    },
    onSuccess: () => {
      setDone(true);
      form.setValue("reason", "");
      router.refresh();
    },
  });
  return (
    <form onSubmit={onSubmit} noValidate>
      <FormError message={formError} />
      {done ? (
        <Notice tone="success" title="Role and team changed">
          {user.name}&apos;s access follows the new role from their next page.
        </Notice>
      ) : null}
      <PlacementFields form={form} placements={placements} prefix="change" />
      <TextArea
        id="change-reason"
        label="Reason for the change"
        hint="For example, moved to the South team from 1 December. Recorded in the audit log."
        rows={3}
        error={form.formState.errors.reason}
        {...form.register("reason")}
      />
      <Button type="submit" disabled={pending}>
        {pending ? "Saving…" : "Change role and team"}
      </Button>
    </form>
  );
}

export function ResetPasswordForm({ user }: { user: { id: string; name: string } }) {
  const [reset, setReset] = useState<string | null>(null);
  const { form, onSubmit, pending, formError } = useActionForm({
    schema: resetPasswordSchema,
    action: resetUserPasswordAction,
    defaultValues: { userId: user.id, reason: "" },
    onSuccess: (data) => {
      setReset(data.temporaryPassword);
      form.setValue("reason", "");
    },
  });
  return (
    <form onSubmit={onSubmit} noValidate>
      <FormError message={formError} />
      {reset ? <TemporaryPassword name={user.name} password={reset} /> : null}
      <p className="mb-2">
        A new temporary password replaces the old one, and {user.name} is signed out everywhere at once.
      </p>
      <TextArea
        id="reset-reason"
        label="Reason for the reset"
        hint="For example, forgotten password, identity checked by phone. Recorded in the audit log."
        rows={3}
        error={form.formState.errors.reason}
        {...form.register("reason")}
      />
      <Button type="submit" variant="secondary" disabled={pending}>
        {pending ? "Resetting…" : "Reset the password"}
      </Button>
    </form>
  );
}

/** Deactivating asks for a reason, then asks again before doing it; reactivating asks for a reason. */
export function AccountActiveForm({ user }: { user: { id: string; name: string; active: boolean } }) {
  const router = useRouter();
  const [confirming, setConfirming] = useState(false);
  const deactivating = user.active;
  const { form, onSubmit, onInvalid, pending, formError } = useActionForm({
    schema: setUserActiveSchema,
    action: async (values) => {
      setConfirming(false);
      return setUserActiveAction(values);
    },
    defaultValues: { userId: user.id, active: !user.active, reason: "" },
    onSuccess: () => {
      form.reset({ userId: user.id, active: user.active, reason: "" });
      router.refresh();
    },
  });
  const ask = form.handleSubmit(() => setConfirming(true), onInvalid);
  return (
    <form onSubmit={deactivating && !confirming ? ask : onSubmit} noValidate>
      <FormError message={formError} />
      <TextArea
        id="active-reason"
        label={deactivating ? "Reason for deactivating the account" : "Reason for reactivating the account"}
        hint={
          deactivating
            ? "For example, left the authority on 30 November. Recorded in the audit log."
            : "For example, returned from leave. Recorded in the audit log."
        }
        rows={3}
        readOnly={confirming}
        error={form.formState.errors.reason}
        {...form.register("reason")}
      />
      {confirming ? (
        <div
          role="alertdialog"
          aria-labelledby="confirm-title"
          aria-describedby="confirm-text"
          className="mb-4 border-4 border-red-700 bg-white p-4"
        >
          <h3 id="confirm-title" className="mb-1 text-lg font-bold">
            Deactivate {user.name}?
          </h3>
          <p id="confirm-text" className="mb-3">
            {user.name} will be signed out at once and cannot sign in until a records officer reactivates the account.
            Nothing they recorded is changed.
          </p>
          <div className="flex flex-wrap gap-2">
            <Button type="submit" variant="danger" disabled={pending} autoFocus>
              {pending ? "Deactivating…" : `Yes, deactivate ${user.name}`}
            </Button>
            <Button type="button" variant="secondary" onClick={() => setConfirming(false)}>
              No, keep the account active
            </Button>
          </div>
        </div>
      ) : (
        <Button type="submit" variant={deactivating ? "danger" : "primary"} disabled={pending}>
          {pending ? "Saving…" : deactivating ? "Deactivate the account" : "Reactivate the account"}
        </Button>
      )}
    </form>
  );
}

/** The Social Work England registration the return names for each of the worker's allocations (SW_ID). */
export function SocialWorkerIdForm({ user }: { user: { id: string; name: string; swId: string | null } }) {
  const router = useRouter();
  const [done, setDone] = useState(false);
  const { form, onSubmit, pending, formError } = useActionForm({
    schema: socialWorkerIdSchema,
    action: setSocialWorkerIdAction,
    defaultValues: { userId: user.id, swId: user.swId ?? "", reason: "" },
    onSuccess: () => {
      setDone(true);
      form.setValue("reason", "");
      router.refresh();
    },
  });
  return (
    <form onSubmit={onSubmit} noValidate aria-label="Social Work England registration">
      <FormError message={formError} />
      {done ? (
        <Notice tone="success" title="Registration saved">
          The return names {user.name} by this number.
        </Notice>
      ) : null}
      <TextInput
        id="swId"
        label="Social Work England registration number"
        hint="SW then its digits, for example SW123456. Leave blank to remove it."
        autoComplete="off"
        error={form.formState.errors.swId}
        {...form.register("swId")}
      />
      <TextArea
        id="swId-reason"
        label="Reason for recording the SW ID"
        hint="For example, registration checked on the Social Work England register. Recorded in the audit log."
        rows={3}
        error={form.formState.errors.reason}
        {...form.register("reason")}
      />
      <Button type="submit" disabled={pending}>
        {pending ? "Saving…" : "Save the registration"}
      </Button>
    </form>
  );
}
