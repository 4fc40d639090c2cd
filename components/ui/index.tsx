// Interface primitives: page heading, buttons, badges, summary lists and notices.
import Link from "next/link";
import type { ComponentProps, ReactNode } from "react";

export function PageHeader({ title, caption, actions }: { title: string; caption?: ReactNode; actions?: ReactNode }) {
  return (
    <div className="mb-6 flex flex-wrap items-end justify-between gap-4">
      <div>
        {caption ? <p className="text-sm text-slate-600">{caption}</p> : null}
        <h1 className="text-2xl font-bold tracking-tight text-slate-900">{title}</h1>
      </div>
      {actions ? <div className="flex flex-wrap gap-2">{actions}</div> : null}
    </div>
  );
}

const buttonStyles = {
  primary: "bg-brand-700 text-white hover:bg-brand-800",
  secondary: "bg-white text-slate-900 ring-1 ring-slate-400 hover:bg-slate-100",
  danger: "bg-red-700 text-white hover:bg-red-800",
} as const;

export function Button({
  variant = "primary",
  className = "",
  ...props
}: ComponentProps<"button"> & { variant?: keyof typeof buttonStyles }) {
  return (
    <button
      className={`inline-flex min-h-11 items-center justify-center rounded px-4 py-2 text-sm font-semibold disabled:cursor-not-allowed disabled:opacity-60 print:hidden ${buttonStyles[variant]} ${className}`}
      {...props}
    />
  );
}

export function ButtonLink({
  variant = "primary",
  className = "",
  ...props
}: ComponentProps<typeof Link> & { variant?: keyof typeof buttonStyles }) {
  return (
    <Link
      className={`inline-flex min-h-11 items-center justify-center rounded px-4 py-2 text-sm font-semibold no-underline ${buttonStyles[variant]} hover:text-inherit print:hidden ${className}`}
      {...props}
    />
  );
}

const badgeTones = {
  grey: "bg-slate-200 text-slate-900",
  blue: "bg-blue-100 text-blue-900",
  green: "bg-green-100 text-green-900",
  amber: "bg-amber-100 text-amber-900",
  red: "bg-red-100 text-red-900",
  purple: "bg-purple-100 text-purple-900",
} as const;

export function Badge({ tone = "grey", children }: { tone?: keyof typeof badgeTones; children: ReactNode }) {
  return (
    <span className={`inline-block rounded px-2 py-0.5 text-xs font-semibold ${badgeTones[tone]}`}>{children}</span>
  );
}

export function SummaryList({ items }: { items: Array<{ term: string; value: ReactNode }> }) {
  return (
    <dl className="divide-y divide-slate-200">
      {items.map((item) => (
        <div key={item.term} className="grid grid-cols-1 gap-1 py-2 sm:grid-cols-3">
          <dt className="font-semibold text-slate-700">{item.term}</dt>
          <dd className="sm:col-span-2">
            {item.value === "" || item.value == null ? (
              <span className="text-slate-600">Not recorded</span>
            ) : (
              item.value
            )}
          </dd>
        </div>
      ))}
    </dl>
  );
}

export function Card({
  title,
  children,
  headingLevel = 2,
}: {
  title?: string;
  children: ReactNode;
  headingLevel?: 2 | 3;
}) {
  const Heading = headingLevel === 2 ? "h2" : "h3";
  return (
    <section className="rounded border border-slate-300 bg-white p-4 shadow-sm">
      {title ? <Heading className="mb-3 text-lg font-bold">{title}</Heading> : null}
      {children}
    </section>
  );
}

export function Notice({
  tone = "info",
  title,
  children,
}: {
  tone?: "info" | "warning" | "error" | "success";
  title?: string;
  children: ReactNode;
}) {
  const tones = {
    info: "border-blue-700 bg-blue-50",
    warning: "border-amber-600 bg-amber-50",
    error: "border-red-700 bg-red-50",
    success: "border-green-700 bg-green-50",
  };
  return (
    <div role={tone === "error" ? "alert" : "status"} className={`mb-4 border-l-4 p-4 ${tones[tone]}`}>
      {title ? <p className="font-bold">{title}</p> : null}
      <div>{children}</div>
    </div>
  );
}

export function EmptyState({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className="rounded border border-dashed border-slate-400 bg-white p-8 text-center">
      <p className="font-semibold">{title}</p>
      {children ? <div className="mt-2 text-slate-700">{children}</div> : null}
    </div>
  );
}

/** Previous / next links that keep the other query parameters. */
export function Pagination({
  page,
  pages,
  hrefFor,
  label = "Pagination",
}: {
  page: number;
  pages: number;
  hrefFor: (page: number) => string;
  label?: string;
}) {
  if (pages <= 1) return null;
  return (
    <nav aria-label={label} className="mt-4 flex items-center justify-between gap-4">
      {page > 1 ? (
        <Link href={hrefFor(page - 1)} rel="prev">
          Previous page
        </Link>
      ) : (
        <span />
      )}
      <span className="text-sm text-slate-700">
        Page {page} of {pages}
      </span>
      {page < pages ? (
        <Link href={hrefFor(page + 1)} rel="next">
          Next page
        </Link>
      ) : (
        <span />
      )}
    </nav>
  );
}
