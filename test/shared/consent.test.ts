import { describe, expect, it } from 'vitest';
import * as v from 'valibot';
import {
  checkConsentChange,
  consentSchema,
  consentWithdrawal,
  withdrawalDateProblem,
  consentState,
  findValidConsent,
  isConsentValid,
  type Consent,
} from '../../src/shared/domain/consent';
import { summaryDataKinds } from '../../src/shared/domain/referral-summary';
import { saysGerman } from '../support/says-german';

const CASE = '01890000-0000-7000-8000-000000000001';
const PARTNER = '01890000-0000-7000-8000-0000000000a1';
const OTHER_PARTNER = '01890000-0000-7000-8000-0000000000a2';
const TODAY = '2025-06-15';

function consent(fields: Partial<Consent> = {}): Consent {
  return {
    id: '01890000-0000-7000-8000-0000000000c1',
    caseId: CASE,
    purpose: 'share_with_partner',
    partnerId: PARTNER,
    givenOn: '2025-06-01',
    validUntil: null,
    withdrawnOn: null,
    ...fields,
  };
}

const share = { purpose: 'share_with_partner', partnerId: PARTNER } as const;

describe('consent validity', () => {
  it.each([
    ['given before today, no end, not withdrawn', {}, share, true],
    ['given today', { givenOn: TODAY }, share, true],
    ['given tomorrow', { givenOn: '2025-06-16' }, share, false],
    ['valid until today', { validUntil: TODAY }, share, true],
    ['valid until yesterday (expired)', { validUntil: '2025-06-14' }, share, false],
    ['withdrawn yesterday', { withdrawnOn: '2025-06-14' }, share, false],
    ['withdrawn today', { withdrawnOn: TODAY }, share, false],
    ['withdrawal dated tomorrow (not yet in effect)', { withdrawnOn: '2025-06-16' }, share, true],
    ['sharing with another partner', { partnerId: OTHER_PARTNER }, share, false],
    ['sharing asked without a partner', {}, { purpose: 'share_with_partner' }, false],
    ['other purpose', { purpose: 'messenger', partnerId: null }, share, false],
    [
      'messenger contact',
      { purpose: 'messenger', partnerId: null },
      { purpose: 'messenger' },
      true,
    ],
    [
      'conference consent without partner covers every participant',
      { purpose: 'case_conference', partnerId: null },
      { purpose: 'case_conference', partnerId: OTHER_PARTNER },
      true,
    ],
    [
      'conference consent naming a partner covers only that one',
      { purpose: 'case_conference' },
      { purpose: 'case_conference', partnerId: OTHER_PARTNER },
      false,
    ],
  ] as const)('%s -> %s', (_label, fields, need, expected) => {
    expect(isConsentValid(consent(fields as Partial<Consent>), TODAY, need)).toBe(expected);
  });

  it('finds the valid consent among withdrawn and expired ones', () => {
    const valid = consent({ id: 'valid', validUntil: '2026-01-01' });
    const consents = [
      consent({ id: 'withdrawn', withdrawnOn: '2025-06-10' }),
      consent({ id: 'expired', validUntil: '2025-06-01' }),
      valid,
    ];
    expect(findValidConsent(consents, share, TODAY)).toBe(valid);
    expect(findValidConsent(consents.slice(0, 2), share, TODAY)).toBeUndefined();
  });

  it('names the state a list shows', () => {
    expect(consentState(consent(), TODAY)).toBe('valid');
    expect(consentState(consent({ withdrawnOn: TODAY }), TODAY)).toBe('withdrawn');
    expect(consentState(consent({ validUntil: '2025-06-14' }), TODAY)).toBe('expired');
    expect(consentState(consent({ givenOn: '2025-07-01' }), TODAY)).toBe('not_yet');
  });
});

describe('consent records', () => {
  it('sharing needs a named partner', () => {
    expect(checkConsentChange(undefined, consent({ partnerId: null }))).toEqual(
      saysGerman(/Partner wählen/),
    );
  });

  it('only sharing and conferences name a partner', () => {
    expect(checkConsentChange(undefined, consent({ purpose: 'store_data' }))).toEqual(
      saysGerman(/Nur eine Einwilligung zur Weitergabe/),
    );
    expect(
      checkConsentChange(undefined, consent({ purpose: 'store_data', partnerId: null })),
    ).toBeNull();
  });

  it('dates run forward', () => {
    expect(checkConsentChange(undefined, consent({ validUntil: '2025-05-01' }))).toEqual(
      saysGerman(/Gültigkeit/),
    );
    expect(checkConsentChange(undefined, consent({ withdrawnOn: '2025-05-01' }))).toEqual(
      saysGerman(/Widerruf/),
    );
  });

  it('a withdrawal is final, and case, purpose and partner never change', () => {
    const withdrawn = consent({ withdrawnOn: TODAY });
    expect(checkConsentChange(withdrawn, { ...withdrawn, withdrawnOn: null })).toEqual(
      saysGerman(/nicht zurücknehmen/),
    );
    const given = consent();
    expect(checkConsentChange(given, { ...given, withdrawnOn: TODAY })).toBeNull();
    expect(checkConsentChange(given, { ...given, partnerId: OTHER_PARTNER })).toEqual(
      saysGerman(/nicht ändern/),
    );
    expect(checkConsentChange(given, { ...given, purpose: 'reporting', partnerId: null })).toEqual(
      saysGerman(/nicht ändern/),
    );
  });

  it('a withdrawal is dated today or earlier, never in the future nor before the consent', () => {
    const given = consent();
    expect(withdrawalDateProblem(given, TODAY, TODAY)).toBeNull();
    expect(withdrawalDateProblem(given, '2025-06-01', TODAY)).toBeNull();
    expect(withdrawalDateProblem(given, '2025-06-16', TODAY)).toEqual(
      saysGerman(/nicht in der Zukunft/),
    );
    expect(withdrawalDateProblem(given, '2025-05-31', TODAY)).toEqual(
      saysGerman(/nicht vor der Einwilligung \(01\.06\.2025\)/),
    );
    expect(withdrawalDateProblem(given, '', TODAY)).toEqual(saysGerman(/Datum des Widerrufs/));
    // The rule of the write path and the server says the same.
    // (with one day of slack: the phone and the server may be on different sides of midnight)
    const future = { ...given, ...consentWithdrawal('2025-06-17', '2025-06-16') };
    expect(checkConsentChange(given, future, TODAY)).toEqual(saysGerman(/nicht in der Zukunft/));
    const pastMidnight = { ...given, ...consentWithdrawal('2025-06-16', '2025-06-16') };
    expect(checkConsentChange(given, pastMidnight, TODAY)).toBeNull();
    const letter = { ...given, ...consentWithdrawal('2025-06-10', TODAY) };
    expect(checkConsentChange(given, letter, TODAY)).toBeNull();
  });

  it('a withdrawal can be taken back only on the day it was entered ("Rückgängig")', () => {
    const withdrawn = consent(consentWithdrawal('2025-06-10', TODAY));
    const back = { ...withdrawn, withdrawnOn: null, withdrawalRecordedOn: null };
    expect(checkConsentChange(withdrawn, back, TODAY)).toBeNull();
    expect(checkConsentChange(withdrawn, back, '2025-06-16')).toEqual(
      saysGerman(/nicht zurücknehmen/),
    );
    // Changing its date is no undo.
    expect(
      checkConsentChange(withdrawn, { ...withdrawn, withdrawnOn: '2025-06-11' }, TODAY),
    ).toEqual(saysGerman(/nicht zurücknehmen/));
  });

  it('the day a withdrawal was entered cannot be forged to keep "Rückgängig" open', () => {
    const given = consent();
    // Entered offline yesterday and pushed today: fine.
    expect(
      checkConsentChange(
        given,
        { ...given, ...consentWithdrawal('2025-06-10', '2025-06-14') },
        TODAY,
      ),
    ).toBeNull();
    // A day of entry in the future, or before the withdrawal itself, is refused.
    for (const recordedOn of ['2025-06-17', '2025-06-09']) {
      const forged = { ...given, withdrawnOn: '2025-06-10', withdrawalRecordedOn: recordedOn };
      expect(checkConsentChange(given, forged, TODAY)).toEqual(saysGerman(/erfasst wurde/));
      // Also on a record that arrives withdrawn.
      expect(checkConsentChange(undefined, forged, TODAY)).toEqual(saysGerman(/erfasst wurde/));
    }
    expect(checkConsentChange(given, { ...given, withdrawalRecordedOn: TODAY }, TODAY)).toEqual(
      saysGerman(/erfasst wurde/),
    );
    // Moving the day of entry of a withdrawal later would reopen the way back.
    const withdrawn = consent(consentWithdrawal('2025-06-10', '2025-06-10'));
    const moved = { ...withdrawn, withdrawalRecordedOn: TODAY };
    expect(checkConsentChange(withdrawn, moved, TODAY)).toEqual(saysGerman(/nicht zurücknehmen/));
    expect(
      checkConsentChange(
        withdrawn,
        { ...withdrawn, withdrawnOn: null, withdrawalRecordedOn: null },
        TODAY,
      ),
    ).toEqual(saysGerman(/nicht zurücknehmen/));
  });

  it('the schema keeps ISO dates and the fixed purposes', () => {
    expect(v.safeParse(consentSchema, consent()).success).toBe(true);
    expect(v.safeParse(consentSchema, consent({ givenOn: '15.06.2025' })).success).toBe(false);
    expect(v.safeParse(consentSchema, { ...consent(), purpose: 'gossip' }).success).toBe(false);
  });
});

describe('referral summary data', () => {
  it('shows only what the consent covers and the THM picked', () => {
    const covered = consent({ sharedData: ['name', 'contact', 'reason', 'residence'] });
    expect(summaryDataKinds(covered, ['reason', 'name', 'birth_date', 'schooling'])).toEqual([
      'name',
      'reason',
    ]);
    expect(summaryDataKinds(consent(), ['name'])).toEqual([]);
    expect(summaryDataKinds(undefined, ['name', 'reason'])).toEqual([]);
  });

  it('a consent lists each kind of data once', () => {
    expect(v.safeParse(consentSchema, consent({ sharedData: ['name', 'name'] })).success).toBe(
      false,
    );
  });
});
