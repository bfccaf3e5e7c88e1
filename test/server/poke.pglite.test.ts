import { describePoke } from './poke-contract';
import { memoryStore } from '../support/server-harness';

describePoke('PGlite', () => memoryStore());
