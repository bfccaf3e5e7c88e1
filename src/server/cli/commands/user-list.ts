import { listUsers } from '../../auth/accounts';
import { defineCommand, required } from '../admin-command';

export const userList = defineCommand({
  name: 'user list',
  usage: 'user list --team <name>',
  options: ['team'],
  async run({ options }, { store }) {
    const users = await listUsers(store, required(options, 'team'));
    if (users.length === 0) return 'Keine Konten in diesem Team.';
    return users
      .map((u) => [u.email, u.name, u.role, ...(u.disabled ? ['deaktiviert'] : [])].join('  '))
      .join('\n');
  },
});
