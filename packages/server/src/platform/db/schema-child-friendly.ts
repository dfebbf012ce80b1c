/** Kysely types of migration 0014 (child-friendly commune assessment); keep in step with the SQL. */
// biome-ignore lint/suspicious/noEmptyInterface: filled in with migration 0014
export interface ChildFriendlyTables {}
