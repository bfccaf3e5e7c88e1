import { listTeams } from '../../auth/accounts';
import { defineCommand } from '../admin-command';

export const teamList = defineCommand({
  name: 'team list',
  usage: 'team list',
  async run(_input, { store }) {
    const teams = await listTeams(store);
    if (teams.length === 0) return 'Noch keine Teams.';
    return teams
      .map(({ name, accounts }) => `${name}  (${accounts} ${accounts === 1 ? 'Konto' : 'Konten'})`)
      .join('\n');
  },
});
