import { describePasswordRehash } from './password-rehash';
import { memoryStore } from '../support/server-harness';

describePasswordRehash('PGlite', memoryStore);
