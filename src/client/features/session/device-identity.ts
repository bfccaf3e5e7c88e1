// This device's identity for the server's device list (issue 11): a UUID made once and a readable
// name ("Chrome auf Android"). Neither names a person. A wipe after revocation forgets the id, so a
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
}

export function deviceName(userAgent = navigator.userAgent): string {
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
