// Real PostgreSQL (TEST_DATABASE_URL, default postgres://postgres@127.0.0.1:5432/test): never skipped.
import { describeDevices } from './devices';
import { postgresStore } from '../support/server-harness';

describeDevices('PostgreSQL', () => postgresStore());
