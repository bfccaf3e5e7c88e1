import { listDevices, type Device } from '../../auth/devices';
import { defineCommand, required } from '../admin-command';

export const deviceList = defineCommand({
  name: 'device list',
  usage: 'device list --email <email>',
  options: ['email'],
  async run({ options }, { store }) {
    const email = required(options, 'email');
    const devices = await listDevices(store, email);
    if (devices.length === 0) return `Keine Geräte für ${email}.`;
    return devices.map(deviceLine).join('\n');
  },
});

/** `<id>  <name>  zuletzt gesehen <UTC>` (+ since when it is revoked): one line per device. */
function deviceLine(device: Device): string {
  const parts = [
    device.deviceId,
    device.name || '(ohne Namen)',
    `zuletzt gesehen ${utc(device.lastSeenAt)}`,
  ];
  if (device.revokedAt) parts.push(`gesperrt seit ${utc(device.revokedAt)}`);
  return parts.join('  ');
}

function utc(date: Date): string {
  return `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}
