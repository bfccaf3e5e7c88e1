import { createTeam } from '../../auth/accounts';
import { defineCommand, UsageError } from '../admin-command';

export const teamAdd = defineCommand({
  name: 'team add',
  usage: 'team add <name>',
  words: true,
  async run({ words }, { store, now }) {
    const name = words.join(' ').trim();
    if (!name) throw new UsageError('Bitte einen Teamnamen angeben.');
    const team = await createTeam(store, name, now);
    return `Team „${team.name}“ angelegt.`;
  },
});
