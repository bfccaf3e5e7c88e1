// Short confirmations ("Gespeichert") in a polite live region; they disappear by themselves.
import { create } from 'zustand';

interface ToastState {
  message: string | null;
  seq: number;
}

const useToastStore = create<ToastState>(() => ({ message: null, seq: 0 }));
let timer: ReturnType<typeof setTimeout> | undefined;

export function showToast(message: string, ms = 3000): void {
  useToastStore.setState((state) => ({ message, seq: state.seq + 1 }));
  clearTimeout(timer);
  timer = setTimeout(() => useToastStore.setState({ message: null }), ms);
}

export function Toasts() {
  const message = useToastStore((state) => state.message);
  return (
    <div class="toast-region" role="status" aria-live="polite">
      {message && <p class="toast">{message}</p>}
    </div>
  );
}
