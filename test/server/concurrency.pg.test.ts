import { describeConcurrency } from './concurrency';
import { postgresStore } from '../support/server-harness';

describeConcurrency('PostgreSQL', () => postgresStore({ max: 16 }));
