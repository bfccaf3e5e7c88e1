import { describeReportContract } from './report-contract';
import { memoryStore } from '../support/server-harness';

describeReportContract('PGlite', memoryStore);
