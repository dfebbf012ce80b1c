import type { Kysely } from 'kysely';
import type { SessionStore } from './auth/sessions';
import type { Config } from './config';
import type { SecretBox } from './crypto';
import type { Database } from './db/database';
import type { DB } from './db/schema';
import type { JobQueue } from './jobs/jobs';

/** What every module receives: configuration, the database and the shared platform services. */
export type AppContext = {
  config: Config;
  database: Database;
  db: Kysely<DB>;
  secrets: SecretBox;
  sessions: SessionStore;
  /** Durable background jobs; modules register their handlers when their routes are built. */
  jobs: JobQueue;
};
