import { describeSyncContract } from './sync-contract';
import { memoryStore } from '../support/server-harness';

describeSyncContract('PGlite', memoryStore);
