// Runs in the browser before the portal's own code: settings its libraries need to work under
// the strict Content Security Policy (no eval).
import { z } from "zod";

// zod compiles object schemas with `new Function` where it may; its probe for that is itself a
// CSP violation. Parsing without compiling is as correct and fast enough for forms.
z.config({ jitless: true });
