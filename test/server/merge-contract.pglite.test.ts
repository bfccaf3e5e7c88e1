import { describeMergeContract } from './merge-contract';
import { memoryStore } from '../support/server-harness';

describeMergeContract('PGlite', memoryStore);
