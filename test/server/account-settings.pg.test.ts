// Real PostgreSQL (TEST_DATABASE_URL, default postgres://postgres@127.0.0.1:5432/test): never skipped.
import { describeAccountSettingsContract } from './account-settings-contract';
import { postgresStore } from '../support/server-harness';

describeAccountSettingsContract('PostgreSQL', () => postgresStore());
