export * from "./accounts";
export * from "./activities";
export * from "./audit";
export * from "./auth";
export * from "./executive";
export * from "./ladder";
export * from "./orders";
export * from "./settings";
