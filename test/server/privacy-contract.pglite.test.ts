import { describePrivacyContract } from './privacy-contract';
import { memoryStore } from '../support/server-harness';

describePrivacyContract('PGlite', memoryStore);
