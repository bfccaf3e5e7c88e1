// Real PostgreSQL (TEST_DATABASE_URL): never skipped.
import { describePasswordRehash } from './password-rehash';
import { postgresStore } from '../support/server-harness';

describePasswordRehash('PostgreSQL', () => postgresStore());
