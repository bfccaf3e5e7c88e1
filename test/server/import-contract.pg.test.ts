// Real PostgreSQL (TEST_DATABASE_URL): never skipped.
import { describeImportContract } from './import-contract';
import { postgresStore } from '../support/server-harness';

describeImportContract('PostgreSQL', () => postgresStore());
