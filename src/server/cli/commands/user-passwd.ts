import { setPassword } from '../../auth/accounts';
import { defineCommand, required } from '../admin-command';

export const userPasswd = defineCommand({
  name: 'user passwd',
  usage: 'user passwd --email <email> --password <pw>',
  options: ['email', 'password'],
  async run({ options }, { store }) {
    const email = required(options, 'email');
    // Set for someone else: a one-time password, replaced at the next sign-in (issue 14).
    await setPassword(store, email, required(options, 'password'), { oneTime: true });
    return `Passwort für ${email} geändert. Es gilt nur für die nächste Anmeldung: dabei muss ein neues Passwort festgelegt werden.`;
  },
});
