// Which day and view the agenda shows: UI state, kept while the THM opens an appointment and
// comes back. Starts on today.
import { create } from './create-store';
import { toLocalDate } from '../../shared/domain/common';

export type AgendaView = 'day' | 'week';

interface AgendaViewState {
  view: AgendaView;
  day: string;
}

export const useAgendaView = create<AgendaViewState>(() => ({
  view: 'day',
  day: toLocalDate(new Date()),
}));

export function setAgendaView(patch: Partial<AgendaViewState>): void {
  useAgendaView.setState(patch);
}
