// The whole schema, one file per domain.
export * from "./common";
export * from "./people";
export * from "./carers";
export * from "./children";
export * from "./family";
export * from "./governance";
export * from "./records";
export * from "./sign-in";
export * from "./reviews";
export * from "./iro";
export * from "./return-fields";
