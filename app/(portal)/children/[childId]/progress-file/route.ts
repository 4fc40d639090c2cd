// The child's progress file as one streamed ZIP, for people who may export it; anything else is a bare 404.
import { contentDisposition } from "@/lib/documents/filename";
import { buildProgressFile } from "@/lib/documents/progress-file";

const NOT_FOUND_HEADERS = {
  "Content-Type": "text/plain; charset=utf-8",
  "Cache-Control": "no-store",
  "X-Content-Type-Options": "nosniff",
};

export async function GET(_request: Request, { params }: { params: Promise<{ childId: string }> }) {
  const { childId } = await params;
  const result = await buildProgressFile(childId);
  if (!result.ok) return new Response("Not found", { status: 404, headers: NOT_FOUND_HEADERS });
  // Streamed as it is zipped, so its length is not known in advance.
  return new Response(result.stream, {
    status: 200,
    headers: {
      "Content-Type": "application/zip",
      "Content-Disposition": contentDisposition(result.fileName),
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "no-store",
    },
  });
}
