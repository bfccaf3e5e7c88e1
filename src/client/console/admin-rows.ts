// The console's views of teams, accounts and devices, as the admin routes send them.
import type { TeamSettings } from '../../shared/domain/team-settings';
import type { Role } from '../../shared/domain/account';

export interface TeamRow {
  id: string;
  name: string;
  users: number;
  settings: TeamSettings;
}
export interface UserRow {
  id: string;
  email: string;
  name: string;
  role: Role;
  team: { id: string; name: string };
  disabled: boolean;
}
export interface DeviceRow {
  deviceId: string;
  name: string;
  lastSeenAt: string;
  revokedAt: string | null;
  /** Hand-outs of the recovery secret to this device (it could open its data without the PIN). */
  recoveries: number;
  lastRecoveryAt: string | null;
}
