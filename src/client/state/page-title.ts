// The shell's header shows the current page's title and, on sub-pages, a back link. Pages set it
// with usePageTitle(); this is UI state, so it lives in a small zustand store, never records.
// document.title stays generic: a person's name must not reach the task switcher or history.
import { create } from './create-store';
import { useEffect } from 'preact/hooks';

interface PageTitleState {
  title: string;
  backHref: string | null;
}

export const usePageTitleStore = create<PageTitleState>(() => ({ title: '', backHref: null }));

export function usePageTitle(title: string, backHref: string | null = null): void {
  useEffect(() => {
    usePageTitleStore.setState({ title, backHref });
  }, [title, backHref]);
}
