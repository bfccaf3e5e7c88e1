// The case list's search and filters: UI state, kept while the THM opens a case and comes back.
import { create } from './create-store';
import type { CaseStatus } from '../../shared/domain/case';

export interface CaseListFilter {
  query: string;
  status: CaseStatus | 'open' | 'all';
  mine: boolean;
  withOpenTasks: boolean;
  limit: number;
}

export const PAGE_SIZE = 50;

export const useCaseListFilter = create<CaseListFilter>(() => ({
  query: '',
  status: 'open',
  mine: false,
  withOpenTasks: false,
  limit: PAGE_SIZE,
}));

/** Changing a filter starts again from the first page. */
export function setCaseListFilter(patch: Partial<Omit<CaseListFilter, 'limit'>>): void {
  useCaseListFilter.setState({ ...patch, limit: PAGE_SIZE });
}
