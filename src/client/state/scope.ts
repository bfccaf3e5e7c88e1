// "Meine" / "Ganzes Team": whether Heute and the agenda show my own work or the team's. UI state for
// the session, not stored on the device.
import { create } from './create-store';

export type Scope = 'mine' | 'team';

export const useScope = create<{ scope: Scope; setScope(scope: Scope): void }>((set) => ({
  scope: 'mine',
  setScope: (scope) => set({ scope }),
}));
