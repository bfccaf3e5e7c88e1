// The few Web Platform globals every runtime of Feldakte has (page, service worker, Node 20), typed
// for src/shared only, which otherwise compiles without DOM, worker or Node types (see
// test/house/runtime-boundaries.test.ts). Add a global here only if all three runtimes have it.

declare class TextEncoder {
  encode(input?: string): Uint8Array<ArrayBuffer>;
}

declare class TextDecoder {
  constructor(label?: string);
  decode(input?: ArrayBuffer | ArrayBufferView): string;
}

declare function atob(data: string): string;
declare function btoa(data: string): string;

/** An opaque key handle of the Web Crypto API. */
interface SharedCryptoKey {
  readonly type: string;
}

declare const crypto: {
  getRandomValues<T extends ArrayBufferView>(array: T): T;
  randomUUID(): string;
  readonly subtle: {
    importKey(
      format: 'raw',
      keyData: ArrayBuffer | ArrayBufferView,
      algorithm: string | { name: string },
      extractable: boolean,
      keyUsages: string[],
    ): Promise<SharedCryptoKey>;
    deriveBits(
      algorithm: { name: string; hash: string; salt: ArrayBufferView; info: ArrayBufferView },
      baseKey: SharedCryptoKey,
      length: number,
    ): Promise<ArrayBuffer>;
  };
};
