// The signed-in header: service name, the role's navigation, who is signed in, sign out.
import Link from "next/link";
import { ROLE_LABELS, type Actor } from "@/lib/access";
import { navFor } from "@/lib/navigation";
import { signOutAction } from "@/lib/auth/actions";

export function PortalHeader({ actor, currentPath }: { actor: Actor; currentPath?: string }) {
  return (
    <header className="bg-brand-800 text-white">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-4 px-4 py-3">
        <Link href="/" className="text-lg font-bold text-white no-underline hover:text-white">
          Case records
        </Link>
        <div className="flex items-center gap-4 text-sm">
          <span>
            <span className="font-semibold">{actor.name}</span> · {ROLE_LABELS[actor.role]}
          </span>
          <form action={signOutAction}>
            <button
              type="submit"
              className="min-h-11 rounded px-3 py-1 font-semibold text-white underline hover:bg-brand-700"
            >
              Sign out
            </button>
          </form>
        </div>
      </div>
      <nav aria-label="Main" className="bg-brand-700">
        <ul className="mx-auto flex max-w-6xl flex-wrap gap-1 px-4">
          {navFor(actor).map((item) => {
            const current = currentPath?.startsWith(item.href);
            return (
              <li key={item.href}>
                <Link
                  href={item.href}
                  aria-current={current ? "page" : undefined}
                  className={`block px-3 py-3 font-semibold text-white no-underline hover:bg-brand-800 hover:text-white ${current ? "border-b-4 border-white" : ""}`}
                >
                  {item.label}
                </Link>
              </li>
            );
          })}
        </ul>
      </nav>
      <p className="bg-amber-100 px-4 py-1 text-center text-sm text-amber-950">
        Demonstration system: every person and child shown here is fictional.
      </p>
    </header>
  );
}
