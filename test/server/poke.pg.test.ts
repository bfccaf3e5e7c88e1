// Real PostgreSQL (TEST_DATABASE_URL, default postgres://postgres@127.0.0.1:5432/test): never skipped.
import { describePoke } from './poke-contract';
import { postgresStore } from '../support/server-harness';

describePoke('PostgreSQL', () => postgresStore());
