/**
 * The HTTP contract of the programmes module: documents and plans (`/api/v1/documents`),
 * programmes (`/api/v1/programmes`), activities with sessions, participants, attendance and
 * outcomes (`/api/v1/activities`), communication and movements, incidents and facilities.
 * Money is whole đồng. Every record belongs to a unit; the caller reads and writes inside
 * the subtree of their own unit, and reads the documents and programmes of the units above it.
 */

export * from './programmes-api/activities';
export * from './programmes-api/outreach';
export * from './programmes-api/plans';
