// Everything coordinators do with their organisations' courses (/beheer/cursussen). Every function
// takes a scope with the organisation ids of the coordinator, and every query of a course carries
// them: a course of another organisation is "not found", whatever id is passed in.

export type Scope = { organisationIds: string[] };
