// Shown for a child the person may not open and for one that does not exist: the same words,
// so nothing leaks. Staff may ask for break-glass access with a reason. The way back is the
// caseload, or for someone without one (the records officer) their search.
import Link from "next/link";
import { headers } from "next/headers";
import { currentActor } from "@/lib/auth/session";
import { childrenBackLink } from "@/lib/navigation";

export default async function ChildNotAvailable() {
  // The proxy passes the path on: the child's part of it names the record asked for.
  const pathname = (await headers()).get("x-pathname") ?? "/children";
  const childPath = pathname.split("/").slice(0, 3).join("/");
  const back = childrenBackLink(await currentActor());
  return (
    <div className="max-w-2xl">
      <h1 className="mb-2 text-2xl font-bold">Record not available</h1>
      <p className="mb-4">You do not have access to this record, or it does not exist.</p>
      <p className="mb-4">
        If you need to see a child&apos;s record outside your caseload (for example, in an emergency), you can{" "}
        <Link href={`${childPath}/break-glass`}>request break-glass access</Link>. You must give a reason; the access is
        logged and reviewed by the records officer.
      </p>
      <Link href={back.href}>Back to {back.label.toLowerCase()}</Link>
    </div>
  );
}
