import { describeNotificationBus } from './notification-bus';
import { memoryStore } from '../support/server-harness';

describeNotificationBus('PGlite', memoryStore);
