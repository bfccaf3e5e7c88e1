import { describe, expect, it } from 'vitest';
import {
  appointmentsToIcs,
  icsUid,
  type IcsOptions,
} from '../../src/shared/domain/appointment-ics';
import {
  escapeIcsText,
  foldIcsLine,
  icsUtcDateTime,
  utf8Length,
} from '../../src/shared/domain/ics/ics-text';
import type { Appointment } from '../../src/shared/domain/appointment';

const labels: IcsOptions['labels'] = {
  purpose: (p) => ({ counselling: 'Beratung', case_conference: 'Fallkonferenz' })[p as string] ?? p,
  mode: (m) => ({ in_person: 'Persönlich', video: 'Video' })[m as string] ?? m,
  place: (p) => ({ office: 'Büro', home: 'Wohnung' })[p as string] ?? p,
  appointment: 'Termin',
  alarm: 'Termin',
  interpreter: (language) => `Dolmetschung: ${language}`,
};
const caseId = '01956a3e-7c00-7000-8000-0000000000c1';
const people = new Map([[caseId, { givenName: 'Amina', familyName: 'Yousef' }]]);
const appointment: Appointment = {
  id: '01956a3e-7c00-7000-8000-000000000001',
  caseId,
  startsAt: '2025-03-14T08:30:00.000Z',
  endsAt: '2025-03-14T09:15:00.000Z',
  mode: 'in_person',
  status: 'confirmed',
  purpose: 'counselling',
  placeKind: 'home',
  address: 'Musterweg 3, 44135 Dortmund',
  interpreterLanguage: 'Arabisch; Dari',
  reminderMinutes: 30,
  notes: 'Vertraulich: Gespräch über Duldung',
};
const options = (patch: Partial<IcsOptions> = {}): IcsOptions => ({
  labels,
  people,
  withNames: false,
  now: new Date('2025-03-10T12:00:00.000Z'),
  ...patch,
});

/** RFC 5545 §3.1: physical lines end in CRLF, none longer than 75 octets; unfolding restores them. */
function physicalLines(ics: string): string[] {
  expect(ics.endsWith('\r\n')).toBe(true);
  expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  return ics.slice(0, -2).split('\r\n');
}
function unfold(ics: string): string[] {
  return ics
    .slice(0, -2)
    .replace(/\r\n[ \t]/g, '')
    .split('\r\n');
}
function property(ics: string, name: string): string[] {
  return unfold(ics)
    .filter((line) => line.startsWith(`${name}:`))
    .map((line) => line.slice(name.length + 1));
}
function unescape(value: string): string {
  return value.replace(/\\([\\;,nN])/g, (_, c: string) => (c === 'n' || c === 'N' ? '\n' : c));
}

describe('iCalendar text rules (RFC 5545)', () => {
  it('escapes backslash, semicolon, comma and newlines', () => {
    expect(escapeIcsText('a\\b;c,d\ne\r\nf')).toBe('a\\\\b\\;c\\,d\\ne\\nf');
    expect(unescape(escapeIcsText('Raum 3; 2. OG, links\nKlingel'))).toBe(
      'Raum 3; 2. OG, links\nKlingel',
    );
  });

  it('writes times in UTC form', () => {
    expect(icsUtcDateTime('2025-03-14T08:30:00.000Z')).toBe('20250314T083000Z');
    expect(icsUtcDateTime('2025-10-26T00:59:59.000Z')).toBe('20251026T005959Z');
  });

  it.each([
    ['ASCII', `DESCRIPTION:${'x'.repeat(200)}`],
    ['umlauts (2 octets)', `SUMMARY:${'Ü'.repeat(100)}`],
    ['Arabic and emoji (2 and 4 octets)', `SUMMARY:${'مرحبا 👋 '.repeat(30)}`],
    ['exactly 75 octets', 'X'.repeat(75)],
  ])('folds %s at 75 octets without splitting a character', (_name, line) => {
    const folded = foldIcsLine(line);
    const lines = folded.split('\r\n');
    for (const [i, physical] of lines.entries()) {
      expect(utf8Length(physical)).toBeLessThanOrEqual(75);
      if (i > 0) expect(physical.startsWith(' ')).toBe(true);
      expect(physical).not.toMatch(/[\uD800-\uDBFF]$/); // no lone high surrogate at a break
    }
    expect(folded.replace(/\r\n /g, '')).toBe(line);
    if (utf8Length(line) <= 75) expect(lines).toHaveLength(1);
  });
});

describe('appointment export (.ics)', () => {
  it('is a valid calendar with one event, UTC times and a stable UID', () => {
    const ics = appointmentsToIcs([appointment], options());
    for (const line of physicalLines(ics)) expect(utf8Length(line)).toBeLessThanOrEqual(75);
    const lines = unfold(ics);
    expect(lines[0]).toBe('BEGIN:VCALENDAR');
    expect(lines.at(-1)).toBe('END:VCALENDAR');
    expect(lines).toContain('VERSION:2.0');
    expect(property(ics, 'PRODID')).toHaveLength(1);
    expect(lines.filter((l) => l === 'BEGIN:VEVENT')).toHaveLength(1);
    expect(property(ics, 'UID')).toEqual([icsUid(appointment.id)]);
    expect(property(ics, 'DTSTAMP')).toEqual(['20250310T120000Z']);
    expect(property(ics, 'DTSTART')).toEqual(['20250314T083000Z']);
    expect(property(ics, 'DTEND')).toEqual(['20250314T091500Z']);
    expect(property(ics, 'STATUS')).toEqual(['CONFIRMED']);
  });

  it('keeps the UID from one export to the next, so calendars update instead of duplicating', () => {
    const first = appointmentsToIcs([appointment], options());
    const later = appointmentsToIcs(
      [
        {
          ...appointment,
          startsAt: '2025-03-15T08:30:00.000Z',
          endsAt: '2025-03-15T09:00:00.000Z',
        },
      ],
      options({ now: new Date() }),
    );
    expect(property(later, 'UID')).toEqual(property(first, 'UID'));
  });

  it('shows initials by default and never the notes or a home address', () => {
    const ics = appointmentsToIcs([appointment], options());
    expect(property(ics, 'SUMMARY').map(unescape)).toEqual(['Beratung – A. Y.']);
    expect(ics).not.toContain('Amina');
    expect(ics).not.toContain('Yousef');
    expect(ics).not.toContain('Musterweg');
    expect(ics).not.toContain('Vertraulich');
    expect(property(ics, 'LOCATION').map(unescape)).toEqual(['Wohnung']);
  });

  it('shows the full name and home address only when the THM opts in', () => {
    const ics = appointmentsToIcs([appointment], options({ withNames: true }));
    expect(property(ics, 'SUMMARY').map(unescape)).toEqual(['Beratung – Amina Yousef']);
    expect(property(ics, 'LOCATION').map(unescape)).toEqual([
      'Wohnung, Musterweg 3, 44135 Dortmund',
    ]);
    expect(ics).not.toContain('Vertraulich');
  });

  it('escapes text values (the comma of an address, the semicolon of a language list)', () => {
    const ics = appointmentsToIcs([{ ...appointment, placeKind: 'office' }], options());
    expect(property(ics, 'LOCATION')).toEqual(['Büro\\, Musterweg 3\\, 44135 Dortmund']);
    expect(property(ics, 'DESCRIPTION')[0]).toBe('Persönlich\\nDolmetschung: Arabisch\\; Dari');
  });

  it('adds a content-free alarm for the reminder', () => {
    const lines = unfold(appointmentsToIcs([appointment], options()));
    const alarm = lines.slice(lines.indexOf('BEGIN:VALARM'), lines.indexOf('END:VALARM') + 1);
    expect(alarm).toEqual([
      'BEGIN:VALARM',
      'ACTION:DISPLAY',
      'DESCRIPTION:Termin',
      'TRIGGER:-PT30M',
      'END:VALARM',
    ]);
  });

  it('exports a week: one event per appointment, group events by title, video link as URL', () => {
    const group: Appointment = {
      id: '01956a3e-7c00-7000-8000-000000000002',
      startsAt: '2025-03-12T15:00:00.000Z',
      endsAt: '2025-03-12T16:30:00.000Z',
      mode: 'in_person',
      status: 'proposed',
      title: 'Infoabend, Unterkunft Nord',
      headCount: 14,
    };
    const video: Appointment = {
      ...appointment,
      id: '01956a3e-7c00-7000-8000-000000000003',
      mode: 'video',
      placeKind: null,
      videoLink: 'https://meet.example.org/raum-4711?pw=abc,def',
      status: 'cancelled_client',
    };
    const ics = appointmentsToIcs([group, appointment, video], options());
    expect(unfold(ics).filter((l) => l === 'BEGIN:VEVENT')).toHaveLength(3);
    expect(new Set(property(ics, 'UID')).size).toBe(3);
    expect(property(ics, 'SUMMARY').map(unescape)).toEqual([
      'Infoabend, Unterkunft Nord',
      'Beratung – A. Y.',
      'Beratung – A. Y.',
    ]);
    expect(property(ics, 'STATUS')).toEqual(['TENTATIVE', 'CONFIRMED', 'CANCELLED']);
    expect(property(ics, 'URL')).toEqual(['https://meet.example.org/raum-4711?pw=abc,def']);
    for (const line of physicalLines(ics)) expect(utf8Length(line)).toBeLessThanOrEqual(75);
  });
});
