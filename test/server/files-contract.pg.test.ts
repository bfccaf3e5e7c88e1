// Real PostgreSQL (TEST_DATABASE_URL): never skipped.
import { describeFilesContract } from './files-contract';
import { postgresStore } from '../support/server-harness';

describeFilesContract('PostgreSQL', () => postgresStore(), 'disk');
describeFilesContract('PostgreSQL', () => postgresStore(), 's3');
