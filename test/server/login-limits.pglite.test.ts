import { describeLoginLimits } from './login-limits';
import { memoryStore } from '../support/server-harness';

describeLoginLimits('PGlite', memoryStore);
