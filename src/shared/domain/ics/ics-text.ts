// The text layer of iCalendar (RFC 5545 §3.1, §3.3.11): escaping, UTC date-times, and folding of
// content lines at 75 octets of UTF-8, never inside a character.

/** TEXT value escaping: backslash, semicolon, comma, and newlines as `\n`. */
export function escapeIcsText(value: string): string {
  return value
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n');
}

/** `2025-03-14T08:30:00.000Z` -> `20250314T083000Z` (always UTC, "form #2"). */
export function icsUtcDateTime(instant: string | Date): string {
  const iso = (typeof instant === 'string' ? new Date(instant) : instant).toISOString();
  return `${iso.slice(0, 4)}${iso.slice(5, 7)}${iso.slice(8, 10)}T${iso.slice(11, 13)}${iso.slice(14, 16)}${iso.slice(17, 19)}Z`;
}

/** Folds one content line: no physical line longer than 75 octets; continuations start with a space. */
export function foldIcsLine(line: string): string {
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  let limit = 75;
  for (const char of line) {
    const size = utf8Length(char);
    if (octets + size > limit) {
      parts.push(current);
      current = '';
      octets = 0;
      limit = 74; // the leading space of a continuation line counts too
    }
    current += char;
    octets += size;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

/** `NAME:value` folded; `value` must already be escaped where it is TEXT. */
export function icsProperty(name: string, value: string): string {
  return foldIcsLine(`${name}:${value}`);
}

/** Lines joined with CRLF, ending with CRLF, as the RFC requires. */
export function icsDocument(lines: readonly string[]): string {
  return `${lines.join('\r\n')}\r\n`;
}

export function utf8Length(text: string): number {
  let octets = 0;
  for (const char of text) {
    const code = char.codePointAt(0)!;
    octets += code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
  }
  return octets;
}
