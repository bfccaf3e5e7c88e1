// Real PostgreSQL (TEST_DATABASE_URL): never skipped.
import { describeSessionChanges } from './session-changes';
import { postgresStore } from '../support/server-harness';

describeSessionChanges('PostgreSQL', () => postgresStore());
