// The root sends each person to the first page their role has.
import { redirect } from "next/navigation";
import { requireActor } from "@/lib/auth/session";
import { homeFor } from "@/lib/navigation";

export default async function Home() {
  redirect(homeFor(await requireActor()));
}
