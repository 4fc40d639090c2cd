// The authority this installation serves: its Department for Education LA code (the SSDA903
// return's header) and its name. The demo is a fictional authority set in Bristol's area, so its
// postcodes are real ones (public places only) and its LA code is the one that area uses.
import { env } from "@/lib/env";

export interface Authority {
  /** The DfE's three-digit local authority code. */
  laCode: string;
  name: string;
}

export function authority(): Authority {
  return { laCode: env.LA_CODE, name: env.LA_NAME };
}
