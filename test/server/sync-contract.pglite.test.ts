import { describeSyncContract } from './sync-contract';
import { describeHardeningContract } from './sync-hardening-contract';
import { memoryStore } from '../support/server-harness';

describeSyncContract('PGlite', memoryStore);
describeHardeningContract('PGlite', memoryStore);
