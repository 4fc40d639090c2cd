// Sends one document to a person allowed to see it, as a streamed download; anything else is a bare 404.
import { openDocumentDownload } from "@/lib/documents/download";

const NOT_FOUND_HEADERS = {
  "Content-Type": "text/plain; charset=utf-8",
  "Cache-Control": "no-store",
  "X-Content-Type-Options": "nosniff",
};

export async function GET(_request: Request, { params }: { params: Promise<{ childId: string; documentId: string }> }) {
  const { childId, documentId } = await params;
  const result = await openDocumentDownload(childId, documentId);
  if (!result.ok) return new Response("Not found", { status: 404, headers: NOT_FOUND_HEADERS });
  // Streamed: the store reads a chunk at a time as the browser takes it.
  return new Response(result.stream, { status: 200, headers: result.headers });
}
