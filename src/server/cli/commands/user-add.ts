import { createUser, roles } from '../../auth/accounts';
import { defineCommand, required } from '../admin-command';

export const userAdd = defineCommand({
  name: 'user add',
  usage: `user add --team <name> --email <email> --name <name> --role <${roles.join('|')}> --password <pw>`,
  options: ['team', 'email', 'name', 'role', 'password'],
  async run({ options }, { store, now }) {
    const user = await createUser(
      store,
      {
        teamName: required(options, 'team'),
        email: required(options, 'email'),
        name: required(options, 'name'),
        role: required(options, 'role'),
        password: required(options, 'password'),
      },
      now,
    );
    return `Konto ${user.email} (${user.role}) angelegt.`;
  },
});
