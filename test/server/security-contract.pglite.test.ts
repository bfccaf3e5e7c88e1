import { describeSecurityContract } from './security-contract';
import { memoryStore } from '../support/server-harness';

describeSecurityContract('PGlite', memoryStore);
