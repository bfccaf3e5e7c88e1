import { describeSessionChanges } from './session-changes';
import { memoryStore } from '../support/server-harness';

describeSessionChanges('PGlite', memoryStore);
