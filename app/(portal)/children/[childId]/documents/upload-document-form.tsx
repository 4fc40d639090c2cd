"use client";
// The upload form: file, title, category, date, confidentiality and flags. The browser checks
// the size and the name with the shared schema; the form posts to the upload route (the file
// streams to storage there) and the server decides what the file really is. Each submission
// carries an idempotency key, kept when the answer is lost so a retry stores nothing twice.
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { Controller } from "react-hook-form";
import { Checkbox, DateInput, FieldShell, FormError, Select, TextInput, describedBy } from "@/components/forms/fields";
import { useActionForm } from "@/components/forms/use-action-form";
import { Button, Notice } from "@/components/ui";
import {
  ACCEPT_ATTRIBUTE,
  ALLOWED_TYPES_TEXT,
  MAX_UPLOAD_MB,
  uploadDocumentSchema,
  uploadHref,
  type UploadDocumentResult,
  type UploadDocumentValues,
} from "@/lib/documents/schemas";
import {
  CONFIDENTIALITY_LABELS,
  DOCUMENT_CATEGORIES,
  DOCUMENT_CATEGORY_LABELS,
  type DocumentCategory,
} from "@/lib/records/constants";
import { PROVIDER_DOCUMENT_CATEGORIES } from "@/lib/sections";

export interface UploadDefaults {
  category: DocumentCategory | "";
  childProperty: boolean;
  entryId: string;
}

/** Providers are offered only the categories they may file (the server refuses the others too). */
const categoryOptions = (isProvider: boolean) => [
  { value: "", label: "Choose a category" },
  ...(isProvider ? PROVIDER_DOCUMENT_CATEGORIES : DOCUMENT_CATEGORIES).map((c) => ({
    value: c,
    label: DOCUMENT_CATEGORY_LABELS[c],
  })),
];
const CONFIDENTIALITY_OPTIONS = (["standard", "restricted"] as const).map((c) => ({
  value: c,
  label: CONFIDENTIALITY_LABELS[c],
}));

const titleFromFileName = (name: string) =>
  name
    .replace(/\.[^.]+$/, "")
    .replace(/[_]+/g, " ")
    .trim()
    .slice(0, 200);

/** A random UUID: crypto.randomUUID needs a secure context (https), getRandomValues does not. */
function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === "function") return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = ((b[6] ?? 0) & 0x0f) | 0x40;
  b[8] = ((b[8] ?? 0) & 0x3f) | 0x80;
  const hex = Array.from(b, (x) => x.toString(16).padStart(2, "0")).join("");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

const LOST =
  "The upload did not reach the server, or its answer did not come back. Check your connection and upload again: the document will not be stored twice.";

/** Posts the form with its file; null when no answer came back (the network, or a page that is not the portal's). */
async function postUpload(
  childId: string,
  values: UploadDocumentValues,
  idempotencyKey: string,
): Promise<UploadDocumentResult | null> {
  const body = new FormData();
  body.set("idempotencyKey", idempotencyKey);
  for (const [name, value] of Object.entries(values)) {
    if (name === "file" || name === "childId" || value === undefined || value === null) continue;
    body.set(name, String(value));
  }
  // Last, so the fields arrive before the file.
  if (values.file instanceof File) body.set("file", values.file);
  try {
    const response = await fetch(uploadHref(childId), { method: "POST", body, credentials: "same-origin" });
    return (await response.json()) as UploadDocumentResult;
  } catch {
    return null;
  }
}

export function UploadDocumentForm({
  childId,
  defaults,
  isProvider,
}: {
  childId: string;
  defaults: UploadDefaults;
  isProvider: boolean;
}) {
  const router = useRouter();
  const [uploaded, setUploaded] = useState<string | null>(null);
  // Remounting the file input is the only way to clear it.
  const [fileInputKey, setFileInputKey] = useState(0);
  const defaultValues: Partial<UploadDocumentValues> = {
    childId,
    title: "",
    category: defaults.category || undefined,
    confidentiality: "standard",
    childProperty: defaults.childProperty,
    inProgressFile: false,
    documentDate: "",
    entryId: defaults.entryId,
  };
  // One key per submission: made when the person submits, reused only to retry that submission.
  const idempotencyKey = useRef<string | null>(null);
  const { form, onSubmit, pending, formError } = useActionForm({
    schema: uploadDocumentSchema,
    action: async (values): Promise<UploadDocumentResult> => {
      idempotencyKey.current ??= newIdempotencyKey();
      const result = await postUpload(childId, values, idempotencyKey.current);
      if (!result) return { ok: false, error: { code: "internal", message: LOST } };
      // Answered: the next submission is a new one.
      idempotencyKey.current = null;
      return result;
    },
    defaultValues,
    onSuccess: (data) => {
      setUploaded(data.title);
      form.reset(defaultValues);
      setFileInputKey((k) => k + 1);
      router.refresh();
    },
  });
  const errors = form.formState.errors;
  // A changed form is a different submission, even one retried after a lost answer.
  useEffect(() => {
    const subscription = form.watch(() => {
      idempotencyKey.current = null;
    });
    return () => subscription.unsubscribe();
  }, [form]);

  return (
    <form onSubmit={onSubmit} noValidate aria-label="Upload a document">
      {uploaded ? (
        <Notice tone="success" title="Document uploaded">
          “{uploaded}” is now in the record.
        </Notice>
      ) : null}
      <FormError message={formError} />
      <input type="hidden" {...form.register("childId")} />
      <input type="hidden" {...form.register("entryId")} />
      <Controller
        control={form.control}
        name="file"
        render={({ field, fieldState }) => (
          <FieldShell
            id="file"
            label="File"
            hint={`${ALLOWED_TYPES_TEXT}. Up to ${MAX_UPLOAD_MB} MB.`}
            error={fieldState.error}
          >
            <input
              key={fileInputKey}
              id="file"
              type="file"
              name={field.name}
              ref={field.ref}
              onBlur={field.onBlur}
              accept={ACCEPT_ATTRIBUTE}
              aria-invalid={fieldState.error ? true : undefined}
              aria-describedby={describedBy("file", true, fieldState.error)}
              className="mt-1 block w-full text-sm file:mr-3 file:min-h-11 file:rounded file:border-0 file:bg-slate-200 file:px-4 file:font-semibold"
              onChange={(e) => {
                const file = e.target.files?.[0];
                setUploaded(null);
                field.onChange(file);
                if (file && !form.getValues("title")) form.setValue("title", titleFromFileName(file.name));
              }}
            />
          </FieldShell>
        )}
      />
      <TextInput
        id="title"
        label="Title"
        hint="What the document is, for example “Initial health assessment report”."
        error={errors.title}
        {...form.register("title")}
      />
      <Select
        id="category"
        label="Category"
        options={categoryOptions(isProvider)}
        error={errors.category}
        {...form.register("category")}
      />
      <DateInput
        id="documentDate"
        label="Date of the document"
        error={errors.documentDate}
        {...form.register("documentDate")}
      />
      {isProvider ? (
        <p className="mb-4 text-sm text-slate-700">
          Your upload is marked as submitted by your organisation. The local authority decides whether it needs to be
          restricted.
        </p>
      ) : (
        <Select
          id="confidentiality"
          label="Confidentiality"
          hint="Restricted documents are never shown to providers."
          options={CONFIDENTIALITY_OPTIONS}
          error={errors.confidentiality}
          {...form.register("confidentiality")}
        />
      )}
      <Checkbox
        id="childProperty"
        label="This is the child's property"
        hint="For example their writing, photographs or certificates. It goes in their progress file."
        {...form.register("childProperty")}
      />
      <Checkbox
        id="inProgressFile"
        label="Include in the child's progress file"
        hint="A copy for the child to keep. Restricted documents are never included."
        {...form.register("inProgressFile")}
      />
      <Button type="submit" disabled={pending}>
        {pending ? "Uploading…" : "Upload the document"}
      </Button>
    </form>
  );
}
