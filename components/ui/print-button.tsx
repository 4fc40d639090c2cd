"use client";
// Prints the page with the print stylesheet: no navigation, the child's name and reference on
// every page, page breaks between entries rather than inside one.
import { Button } from "./index";

export function PrintButton({ label = "Print this page" }: { label?: string }) {
  return (
    <Button type="button" variant="secondary" className="print:hidden" onClick={() => window.print()}>
      {label}
    </Button>
  );
}
