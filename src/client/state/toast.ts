// Short confirmations ("Gespeichert"): UI state; src/client/ui/toast.tsx shows them in a polite
// live region and they disappear by themselves.
import { create } from './create-store';

interface ToastState {
  message: string | null;
  seq: number;
}

export const useToast = create<ToastState>(() => ({ message: null, seq: 0 }));
let timer: ReturnType<typeof setTimeout> | undefined;

export function showToast(message: string, ms = 3000): void {
  useToast.setState((state) => ({ message, seq: state.seq + 1 }));
  clearTimeout(timer);
  timer = setTimeout(() => useToast.setState({ message: null }), ms);
}
