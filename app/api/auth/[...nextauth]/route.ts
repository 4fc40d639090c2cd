// next-auth's own endpoints (session, callbacks, CSRF).
export { GET, POST } from "@/lib/auth/handlers";
