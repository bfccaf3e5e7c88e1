// Real PostgreSQL (TEST_DATABASE_URL, default postgres://postgres@127.0.0.1:5432/test): never skipped.
import { describeSyncContract } from './sync-contract';
import { describeHardeningContract } from './sync-hardening-contract';
import { postgresStore } from '../support/server-harness';

describeSyncContract('PostgreSQL', () => postgresStore());
describeHardeningContract('PostgreSQL', () => postgresStore());
