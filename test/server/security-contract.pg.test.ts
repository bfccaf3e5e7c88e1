// Real PostgreSQL (TEST_DATABASE_URL): never skipped.
import { describeSecurityContract } from './security-contract';
import { postgresStore } from '../support/server-harness';

describeSecurityContract('PostgreSQL', () => postgresStore());
