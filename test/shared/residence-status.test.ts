import { describe, expect, it } from 'vitest';
import * as v from 'valibot';
import {
  checkResidenceStatusChange,
  currentResidenceStatus,
  daysUntilExpiry,
  expiryState,
  expiryTaskFields,
  isExpiringWithin,
  residenceKinds,
  residenceStatusSchema,
  type ResidenceStatus,
} from '../../src/shared/domain/residence-status';
import { saysGerman } from '../support/says-german';

const caseId = '01890a5d-ac96-774b-bcce-b302099a8057';
const ids = [
  '01900000-0000-7000-8000-000000000001',
  '01900000-0000-7000-8000-000000000002',
  '01900000-0000-7000-8000-000000000003',
];
const status = (patch: Partial<ResidenceStatus>): ResidenceStatus => ({
  id: ids[0]!,
  caseId,
  kind: 'duldung',
  ...patch,
});
const today = '2025-03-14';

describe('current residence status', () => {
  it('is the latest by issue date', () => {
    const statuses = [
      status({ id: ids[0], issuedOn: '2024-01-01', kind: 'gestattung' }),
      status({ id: ids[1], issuedOn: '2025-02-01', kind: 'duldung_ausbildung' }),
      status({ id: ids[2], issuedOn: '2024-06-01', kind: 'duldung' }),
    ];
    expect(currentResidenceStatus(statuses)?.kind).toBe('duldung_ausbildung');
  });

  it('breaks a tie by id (the later record)', () => {
    const statuses = [
      status({ id: ids[1], issuedOn: '2025-02-01', kind: 'fiktion' }),
      status({ id: ids[0], issuedOn: '2025-02-01', kind: 'duldung' }),
    ];
    expect(currentResidenceStatus(statuses)?.kind).toBe('fiktion');
  });

  it('ranks undated statuses below dated ones, and is undefined without any', () => {
    const statuses = [
      status({ id: ids[2], kind: 'unclear' }),
      status({ id: ids[0], issuedOn: '2020-01-01' }),
    ];
    expect(currentResidenceStatus(statuses)?.kind).toBe('duldung');
    expect(currentResidenceStatus([])).toBeUndefined();
  });

  it('does not reorder the list it is given', () => {
    const statuses = [
      status({ id: ids[0], issuedOn: '2020-01-01' }),
      status({ id: ids[1], issuedOn: '2021-01-01' }),
    ];
    currentResidenceStatus(statuses);
    expect(statuses.map((s) => s.id)).toEqual([ids[0], ids[1]]);
  });
});

describe('days until expiry', () => {
  it.each([
    [undefined, null, 'none'],
    ['2025-05-01', 48, 'valid'],
    ['2025-04-13', 30, 'expiring'],
    ['2025-03-14', 0, 'expiring'],
    ['2025-03-13', -1, 'expired'],
  ] as const)('valid until %s: %s days, %s', (validUntil, days, state) => {
    const s = status({ validUntil });
    expect(daysUntilExpiry(s, today)).toBe(days);
    expect(expiryState(s, today)).toBe(state);
    expect(isExpiringWithin(s, today)).toBe(state === 'expiring');
  });
});

describe('expiry task', () => {
  it('falls due six weeks before the valid-until date', () => {
    expect(expiryTaskFields(status({ validUntil: '2025-06-30' }), today)).toEqual({
      caseId,
      title: 'Aufenthaltsdokument läuft am 30.06.2025 ab: Verlängerung besprechen',
      titleKey: 'cases.tasks.auto.expiry',
      titleParams: { date: '2025-06-30' },
      dueOn: '2025-05-19',
      kind: 'document_expiry',
      sourceTable: 'statuses',
      sourceId: ids[0],
    });
  });

  it('is due today when the lead time has already begun or the date has passed', () => {
    expect(expiryTaskFields(status({ validUntil: '2025-04-01' }), today)?.dueOn).toBe(today);
    expect(expiryTaskFields(status({ validUntil: '2025-01-01' }), today)?.dueOn).toBe(today);
  });

  it('is not made without a valid-until date', () => {
    expect(expiryTaskFields(status({ validUntil: null }), today)).toBeNull();
  });
});

describe('residence status rules', () => {
  it('refuses a valid-until date before the issue date', () => {
    const next = status({ issuedOn: '2025-03-01', validUntil: '2025-02-01' });
    expect(checkResidenceStatusChange(undefined, next)).toEqual(
      saysGerman('Das Ablaufdatum liegt vor dem Ausstellungsdatum.'),
    );
  });

  it('refuses moving a status to another case', () => {
    const prev = status({});
    expect(checkResidenceStatusChange(prev, { ...prev, caseId: ids[2]! })).toEqual(
      saysGerman(/anderen Fall/),
    );
  });

  it('accepts every kind of the contract', () => {
    for (const kind of residenceKinds) {
      expect(v.safeParse(residenceStatusSchema, status({ kind })).success).toBe(true);
    }
  });

  it('names an unknown kind in German', () => {
    const result = v.safeParse(residenceStatusSchema, { ...status({}), kind: 'visa' });
    expect(result.issues?.[0]?.message).toEqual(
      saysGerman('Bitte eine Statusart aus der Liste wählen'),
    );
  });
});
