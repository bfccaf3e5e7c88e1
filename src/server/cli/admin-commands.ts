// The admin commands, in the order the usage lists them. A new command: its file in commands/
// and one line here.
import type { AdminCommand } from './admin-command';
import { backupCommand } from './commands/backup';
import { deviceList } from './commands/device-list';
import { restoreCommand } from './commands/restore';
import { statusCommand } from './commands/status';
import { deviceRevoke } from './commands/device-revoke';
import { retentionRun } from './commands/retention-run';
import { importCommand } from './commands/import';
import { exportCommand } from './commands/export';
import { filesMove } from './commands/files-move';
import { teamAdd } from './commands/team-add';
import { teamList } from './commands/team-list';
import { teamSettings } from './commands/team-settings';
import { userAdd } from './commands/user-add';
import { userDisable } from './commands/user-disable';
import { userList } from './commands/user-list';
import { userPasswd } from './commands/user-passwd';

export const adminCommands: readonly AdminCommand[] = [
  teamAdd,
  teamList,
  userList,
  userAdd,
  userPasswd,
  userDisable,
  deviceList,
  deviceRevoke,
  teamSettings,
  retentionRun,
  importCommand,
  exportCommand,
  filesMove,
  statusCommand,
  backupCommand,
  restoreCommand,
];
