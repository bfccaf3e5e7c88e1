import { disableUser } from '../../auth/accounts';
import { defineCommand, required } from '../admin-command';

export const userDisable = defineCommand({
  name: 'user disable',
  usage: 'user disable --email <email>',
  options: ['email'],
  async run({ options }, { store, now }) {
    const email = required(options, 'email');
    await disableUser(store, email, now);
    return `Konto ${email} deaktiviert; alle Sitzungen sind beendet und alle Geräte gesperrt.`;
  },
});
