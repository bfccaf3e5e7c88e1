// This device's identity for the server's device list (issue 11): a UUID made once and a readable
// name: the one the THM gives it at PIN set-up ("Diensthandy 2", issue 27), else "Chrome auf
// Android". Neither should name a client. A wipe after revocation forgets the id, so a
// later sign-in is a new device the admin sees as such.
const DEVICE_ID_KEY = 'feldakte.deviceId';

export function deviceId(): string {
  let id = localStorage.getItem(DEVICE_ID_KEY);
  if (!id) {
    id = crypto.randomUUID();
    localStorage.setItem(DEVICE_ID_KEY, id);
  }
  return id;
}

export function forgetDeviceId(): void {
  localStorage.removeItem(DEVICE_ID_KEY);
  localStorage.removeItem(DEVICE_NAME_KEY);
}

const DEVICE_NAME_KEY = 'feldakte.deviceName';

/** The name the THM gave this device at PIN set-up (sent with every sign-in), if any. */
export function chosenDeviceName(): string | null {
  return localStorage.getItem(DEVICE_NAME_KEY);
}

export function chooseDeviceName(name: string): void {
  localStorage.setItem(DEVICE_NAME_KEY, name.trim().slice(0, 100));
}

/** This device's name for the server: the THM's own, else browser and system. */
export function deviceName(userAgent = navigator.userAgent): string {
  return chosenDeviceName() || browserDeviceName(userAgent);
}

/** "Chrome auf Android": what the browser says of itself. */
export function browserDeviceName(userAgent = navigator.userAgent): string {
  const browser = /Edg\//.test(userAgent)
    ? 'Edge'
    : /Firefox\//.test(userAgent)
      ? 'Firefox'
      : /Chrom(e|ium)\//.test(userAgent)
        ? 'Chrome'
        : /Safari\//.test(userAgent)
          ? 'Safari'
          : 'Browser';
  const system = /Android/.test(userAgent)
    ? 'Android'
    : /iPhone|iPad/.test(userAgent)
      ? 'iOS'
      : /Windows/.test(userAgent)
        ? 'Windows'
        : /Mac OS X/.test(userAgent)
          ? 'macOS'
          : /Linux/.test(userAgent)
            ? 'Linux'
            : 'unbekannt';
  return `${browser} auf ${system}`;
}
