// Receives an uploaded document from the upload form as a stream; lib/documents does the work.
import { receiveUpload } from "@/lib/documents/upload";

export async function POST(request: Request, { params }: { params: Promise<{ childId: string }> }) {
  const { childId } = await params;
  return receiveUpload(request, childId);
}
