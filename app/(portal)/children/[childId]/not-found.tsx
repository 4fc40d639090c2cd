"use client";
// Shown for a child the person may not open and for one that does not exist: the same words,
// so nothing leaks. Staff may ask for break-glass access with a reason.
import Link from "next/link";
import { usePathname } from "next/navigation";

export default function ChildNotAvailable() {
  const childPath = (usePathname() ?? "/children").split("/").slice(0, 3).join("/");
  return (
    <div className="max-w-2xl">
      <h1 className="mb-2 text-2xl font-bold">Record not available</h1>
      <p className="mb-4">You do not have access to this record, or it does not exist.</p>
      <p className="mb-4">
        If you need to see a child&apos;s record outside your caseload (for example, in an emergency), you can{" "}
        <Link href={`${childPath}/break-glass`}>request break-glass access</Link>. You must give a reason; the access is
        logged and reviewed by the records officer.
      </p>
      <Link href="/children">Back to children</Link>
    </div>
  );
}
