// Real PostgreSQL (TEST_DATABASE_URL): never skipped.
import { describeLoginLimits } from './login-limits';
import { postgresStore } from '../support/server-harness';

describeLoginLimits('PostgreSQL', () => postgresStore());
