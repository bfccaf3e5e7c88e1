// Real PostgreSQL (TEST_DATABASE_URL): never skipped.
import { describeMergeContract } from './merge-contract';
import { postgresStore } from '../support/server-harness';

describeMergeContract('PostgreSQL', () => postgresStore());
