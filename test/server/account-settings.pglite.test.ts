import { describeAccountSettingsContract } from './account-settings-contract';
import { memoryStore } from '../support/server-harness';

describeAccountSettingsContract('PGlite', memoryStore);
