"use client";
// The upload form: file, title, category, date, confidentiality and flags. The browser checks
// the size and the name with the shared schema; the server decides what the file really is.
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Controller } from "react-hook-form";
import { Checkbox, DateInput, FieldShell, FormError, Select, TextInput, describedBy } from "@/components/forms/fields";
import { useActionForm } from "@/components/forms/use-action-form";
import { Button, Notice } from "@/components/ui";
import {
  ACCEPT_ATTRIBUTE,
  ALLOWED_TYPES_TEXT,
  MAX_UPLOAD_MB,
  uploadDocumentSchema,
  type UploadDocumentValues,
} from "@/lib/documents/schemas";
import {
  CONFIDENTIALITY_LABELS,
  DOCUMENT_CATEGORIES,
  DOCUMENT_CATEGORY_LABELS,
  type DocumentCategory,
} from "@/lib/records/constants";
import { uploadDocumentAction } from "@/lib/documents/actions";

export interface UploadDefaults {
  category: DocumentCategory | "";
  childProperty: boolean;
  entryId: string;
}

const CATEGORY_OPTIONS = [
  { value: "", label: "Choose a category" },
  ...DOCUMENT_CATEGORIES.map((c) => ({ value: c, label: DOCUMENT_CATEGORY_LABELS[c] })),
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
  const { form, onSubmit, pending, formError } = useActionForm({
    schema: uploadDocumentSchema,
    action: uploadDocumentAction,
    defaultValues,
    onSuccess: (data) => {
      setUploaded(data.title);
      form.reset(defaultValues);
      setFileInputKey((k) => k + 1);
      router.refresh();
    },
  });
  const errors = form.formState.errors;

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
        options={CATEGORY_OPTIONS}
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
