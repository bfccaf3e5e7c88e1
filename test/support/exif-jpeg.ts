// A JPEG as a phone camera writes it: the picture plus an EXIF block with the device's make and
// the GPS position, for tests that prove none of it survives preparing a page ([D1]).

export const EXIF_MAKE = 'FeldakteTestPhone';
export const EXIF_POSITION = { latitude: 51.5, longitude: 7.4666 };

/** `jpeg` with an APP1 EXIF segment (Make, GPS latitude/longitude) right after its SOI marker. */
export function withExifGps(jpeg: Uint8Array): Uint8Array {
  const tiff = new Uint8Array(158);
  const view = new DataView(tiff.buffer);
  const le = true;
  tiff.set([0x49, 0x49, 0x2a, 0x00]);
  view.setUint32(4, 8, le);
  // IFD0 at 8: Make, GPSInfo pointer.
  view.setUint16(8, 2, le);
  const entry = (at: number, tag: number, type: number, count: number, value: number) => {
    view.setUint16(at, tag, le);
    view.setUint16(at + 2, type, le);
    view.setUint32(at + 4, count, le);
    view.setUint32(at + 8, value, le);
  };
  const make = `${EXIF_MAKE}\0`;
  entry(10, 0x010f, 2, make.length, 38);
  entry(22, 0x8825, 4, 1, 56);
  view.setUint32(34, 0, le);
  tiff.set(new TextEncoder().encode(make), 38);
  // GPS IFD at 56.
  view.setUint16(56, 4, le);
  entry(58, 0x0001, 2, 2, 0x4e); // "N"
  entry(70, 0x0002, 5, 3, 110);
  entry(82, 0x0003, 2, 2, 0x45); // "E"
  entry(94, 0x0004, 5, 3, 134);
  view.setUint32(106, 0, le);
  const rationals = (at: number, degrees: number) => {
    const whole = Math.floor(degrees);
    const minutes = Math.floor((degrees - whole) * 60);
    const seconds = Math.round(((degrees - whole) * 60 - minutes) * 60 * 100);
    [
      [whole, 1],
      [minutes, 1],
      [seconds, 100],
    ].forEach(([n, d], i) => {
      view.setUint32(at + i * 8, n!, le);
      view.setUint32(at + i * 8 + 4, d!, le);
    });
  };
  rationals(110, EXIF_POSITION.latitude);
  rationals(134, EXIF_POSITION.longitude);

  const header = new TextEncoder().encode('Exif\0\0');
  const length = 2 + header.length + tiff.length;
  const segment = new Uint8Array(2 + length);
  segment.set([0xff, 0xe1, length >> 8, length & 0xff]);
  segment.set(header, 4);
  segment.set(tiff, 4 + header.length);
  const out = new Uint8Array(jpeg.length + segment.length);
  out.set(jpeg.subarray(0, 2));
  out.set(segment, 2);
  out.set(jpeg.subarray(2), 2 + segment.length);
  return out;
}
