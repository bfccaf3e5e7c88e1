// Real PostgreSQL (TEST_DATABASE_URL, default postgres://postgres@127.0.0.1:5432/test): never skipped.
import { describeReportContract } from './report-contract';
import { postgresStore } from '../support/server-harness';

describeReportContract('PostgreSQL', () => postgresStore());
