import { describeDevices } from './devices';
import { memoryStore } from '../support/server-harness';

describeDevices('PGlite', memoryStore);
