import { describe, expect, it } from 'vitest';
import * as v from 'valibot';
import {
  canMoveCase,
  caseSchema,
  caseStatuses,
  caseStatusChange,
  checkCaseChange,
  initials,
  type Case,
  type CaseStatus,
} from '../../src/shared/domain/case';
import {
  ageLimitDate,
  ageOn,
  daysUntilAgeLimit,
  isNearAgeLimit,
} from '../../src/shared/domain/case-age';
import { saysGerman } from '../support/says-german';

const id = '01890a5d-ac96-774b-bcce-b302099a8057';
const base: Case = { id, givenName: 'Ahmad', familyName: 'Karimi', status: 'active' };
const today = '2025-03-14';

const allowed: [CaseStatus, CaseStatus][] = [
  ['inquiry', 'intake'],
  ['inquiry', 'active'],
  ['inquiry', 'closed'],
  ['intake', 'active'],
  ['intake', 'paused'],
  ['intake', 'unreachable'],
  ['intake', 'closed'],
  ['active', 'paused'],
  ['active', 'unreachable'],
  ['active', 'closed'],
  ['paused', 'active'],
  ['paused', 'unreachable'],
  ['paused', 'closed'],
  ['unreachable', 'active'],
  ['unreachable', 'paused'],
  ['unreachable', 'closed'],
  ['closed', 'active'],
];
const isAllowed = (from: CaseStatus, to: CaseStatus) =>
  allowed.some(([f, t]) => f === from && t === to);
const everyPair = caseStatuses.flatMap((from) =>
  caseStatuses.filter((to) => to !== from).map((to) => [from, to] as [CaseStatus, CaseStatus]),
);
const refused = everyPair.filter(([from, to]) => !isAllowed(from, to));

describe('case status machine', () => {
  it.each(allowed)('allows %s -> %s', (from, to) => {
    expect(canMoveCase(from, to)).toBe(true);
    const prev = { ...base, status: from, ...(from === 'closed' ? closedFields : {}) };
    const change = caseStatusChange(prev, to, today, { reason: 'work' });
    expect(change.ok).toBe(true);
    const next = { ...prev, ...(change.ok ? change.fields : {}) } as Case;
    expect(checkCaseChange(prev, next, today)).toBeNull();
  });

  it.each(refused)('refuses %s -> %s', (from, to) => {
    expect(canMoveCase(from, to)).toBe(false);
    const prev = { ...base, status: from, ...(from === 'closed' ? closedFields : {}) };
    expect(caseStatusChange(prev, to, today, { reason: 'work' })).toEqual({
      ok: false,
      reason: saysGerman('Dieser Statuswechsel ist nicht möglich.'),
    });
    const next = {
      ...prev,
      status: to,
      ...(to === 'closed' ? { closingReason: 'work' as const } : { closingReason: null }),
    };
    expect(checkCaseChange(prev, next, today)).toEqual(
      saysGerman('Dieser Statuswechsel ist nicht möglich.'),
    );
  });

  it('covers every pair of distinct statuses', () => {
    expect(allowed.length + refused.length).toBe(caseStatuses.length * (caseStatuses.length - 1));
  });
});

const closedFields = {
  status: 'closed' as const,
  closingReason: 'work' as const,
  closedOn: '2025-01-10',
  retainUntil: '2028-01-10',
};

describe('closing and reopening a case', () => {
  it('asks for a closing reason', () => {
    expect(caseStatusChange(base, 'closed', today)).toEqual({
      ok: false,
      reason: saysGerman('Bitte einen Abschlussgrund wählen.'),
    });
    expect(checkCaseChange(base, { ...base, status: 'closed' }, today)).toEqual(
      saysGerman('Bitte einen Abschlussgrund wählen.'),
    );
  });

  it('stamps reason, date and a retention date three years on', () => {
    expect(caseStatusChange(base, 'closed', today, { reason: 'training' })).toEqual({
      ok: true,
      fields: {
        status: 'closed',
        closingReason: 'training',
        closingNote: null,
        closedOn: today,
        retainUntil: '2028-03-14',
      },
    });
  });

  it("uses the team's retention period when the team set one", () => {
    const change = caseStatusChange(base, 'closed', today, { reason: 'training' }, 5);
    expect(change.ok && change.fields.retainUntil).toBe('2030-03-14');
  });

  it('needs a note when the reason is "other"', () => {
    const next: Case = { ...base, status: 'closed', closingReason: 'other', closingNote: null };
    expect(checkCaseChange(base, next, today)).toEqual(
      saysGerman('Bitte den Abschlussgrund kurz beschreiben.'),
    );
    expect(checkCaseChange(base, { ...next, closingNote: 'Heirat' }, today)).toBeNull();
  });

  it('reopens a closed case and clears the closing fields', () => {
    const closed = { ...base, ...closedFields };
    expect(caseStatusChange(closed, 'active', today)).toEqual({
      ok: true,
      fields: {
        status: 'active',
        closingReason: null,
        closingNote: null,
        closedOn: null,
        retainUntil: null,
      },
    });
  });

  it('refuses to reopen after the retention date', () => {
    const closed = { ...base, ...closedFields, retainUntil: '2025-03-13' };
    const change = caseStatusChange(closed, 'active', today);
    expect(change.ok).toBe(false);
    expect(
      checkCaseChange(closed, { ...closed, status: 'active', closingReason: null }, today),
    ).toEqual(saysGerman(/Aufbewahrungsfrist/));
  });

  it('an open case carries no closing reason', () => {
    expect(checkCaseChange(undefined, { ...base, closingReason: 'work' }, today)).toEqual(
      saysGerman('Ein offener Fall hat keinen Abschlussgrund.'),
    );
  });
});

describe('age and the age-27 flag', () => {
  it.each([
    ['2000-03-14', 25],
    ['2000-03-15', 24],
    ['1998-03-14', 27],
    ['1998-03-15', 26],
  ])('born %s is %i on 14 March 2025', (birthDate, age) => {
    expect(ageOn(birthDate, today)).toBe(age);
  });

  it('has no age without a birth date', () => {
    expect(ageOn(null, today)).toBeNull();
    expect(daysUntilAgeLimit(undefined, today)).toBeNull();
    expect(isNearAgeLimit(null, today)).toBe(false);
  });

  it('turns 27 on the 27th birthday; 29 February falls on 28 February', () => {
    expect(ageLimitDate('1998-06-01')).toBe('2025-06-01');
    expect(ageLimitDate('2000-02-29')).toBe('2027-02-28');
  });

  it.each([
    ['1998-09-13', true], // 183 days ahead
    ['1998-09-14', false], // 184 days ahead
    ['1990-01-01', true], // long past
  ])('born %s is flagged near the age limit: %s', (birthDate, flagged) => {
    expect(isNearAgeLimit(birthDate, today)).toBe(flagged);
  });

  it('refuses a birth date in the future', () => {
    expect(checkCaseChange(undefined, { ...base, birthDate: '2025-03-15' }, today)).toEqual(
      saysGerman('Das Geburtsdatum liegt in der Zukunft.'),
    );
  });
});

describe('case schema', () => {
  it.each([
    [{ givenName: '' }, 'givenName', 'Bitte den Vornamen eingeben'],
    [{ familyName: '  ' }, 'familyName', 'Bitte den Nachnamen eingeben'],
    [{ birthDate: '14.03.2000' }, 'birthDate', 'Bitte ein gültiges Geburtsdatum eingeben'],
    [{ phone: 'ruf mich an' }, 'phone', 'Bitte nur Ziffern, Leerzeichen und + ( ) / - verwenden'],
    [{ status: 'open' }, 'status', 'Bitte einen Status aus der Liste wählen'],
  ])('rejects %o with a German message', (patch, field, message) => {
    const result = v.safeParse(caseSchema, { ...base, ...patch });
    expect(result.success).toBe(false);
    const issue = result.issues?.[0];
    expect(issue?.path?.[0]?.key).toBe(field);
    expect(issue?.message).toEqual(saysGerman(message));
  });

  it('keeps initials only', () => {
    expect(initials(base)).toEqual(saysGerman('A. K.'));
  });
});
