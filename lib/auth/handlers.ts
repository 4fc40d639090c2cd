// Route handlers for next-auth, re-exported by app/api/auth/[...nextauth]/route.ts.
import { handlers } from "./config";

export const { GET, POST } = handlers;
