import { describeImportContract } from './import-contract';
import { memoryStore } from '../support/server-harness';

describeImportContract('PGlite', memoryStore);
