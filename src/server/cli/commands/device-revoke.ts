import { revokeDevice } from '../../auth/devices';
import { defineCommand, required } from '../admin-command';

export const deviceRevoke = defineCommand({
  name: 'device revoke',
  usage: 'device revoke --email <email> --device <deviceId>',
  options: ['email', 'device'],
  async run({ options }, { store, now }) {
    const deviceId = required(options, 'device');
    await revokeDevice(store, required(options, 'email'), deviceId, now);
    return `Gerät ${deviceId} gesperrt; es löscht seine Daten bei der nächsten Verbindung.`;
  },
});
