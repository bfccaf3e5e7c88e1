import { describeFilesContract } from './files-contract';
import { memoryStore } from '../support/server-harness';

describeFilesContract('PGlite', memoryStore, 'disk');
describeFilesContract('PGlite', memoryStore, 's3');
