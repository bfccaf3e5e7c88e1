// An object URL for decrypted bytes, alive only while the component shows them: revoked when the
// bytes change or the component goes, so nothing decrypted outlives the screen ([D3]).
import { useEffect, useState } from 'preact/hooks';

export function useObjectUrl(bytes: Uint8Array | null | undefined, type: string): string | null {
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    if (!bytes) {
      setUrl(null);
      return;
    }
    const made = URL.createObjectURL(new Blob([bytes as Uint8Array<ArrayBuffer>], { type }));
    setUrl(made);
    return () => URL.revokeObjectURL(made);
  }, [bytes, type]);
  return url;
}
