import { describe, expect, it } from 'vitest';
import * as v from 'valibot';
import {
  allowedReferralTransitions,
  canMoveReferral,
  checkReferralChange,
  isSharedReferral,
  referralSchema,
  referralStatuses,
  referralStatusChange,
  referralTable,
  referralWithdrawalUndo,
  type Referral,
  type ReferralStatus,
} from '../../src/shared/domain/referral';
import type { AnyRecord, RuleContext } from '../../src/shared/domain/table-rules';
import type { Consent } from '../../src/shared/domain/consent';
import { saysGerman } from '../support/says-german';

const CASE = '01890000-0000-7000-8000-000000000001';
const OTHER_CASE = '01890000-0000-7000-8000-000000000002';
const PARTNER = '01890000-0000-7000-8000-0000000000a1';
const OTHER_PARTNER = '01890000-0000-7000-8000-0000000000a2';
const TODAY = '2025-06-15';

function referral(fields: Partial<Referral> = {}): Referral {
  return {
    id: '01890000-0000-7000-8000-0000000000f1',
    caseId: CASE,
    partnerId: PARTNER,
    direction: 'out',
    status: 'draft',
    ...fields,
  };
}

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

function context(records: Record<string, AnyRecord[]> = {}): RuleContext {
  return {
    today: TODAY,
    get: async (table, id) => records[table]?.find((r) => r.id === id),
    listByCase: async (table, caseId) => (records[table] ?? []).filter((r) => r.caseId === caseId),
  };
}

const withConsent = context({ consents: [consent()] });

// Every pair (from, to) of the machine: the allowed moves, everything else refused.
const allowed: Record<ReferralStatus, ReferralStatus[]> = {
  draft: ['consent_pending', 'sent', 'withdrawn'],
  consent_pending: ['sent', 'withdrawn'],
  sent: ['accepted', 'waitlisted', 'declined', 'no_response', 'withdrawn'],
  waitlisted: ['accepted', 'declined', 'withdrawn'],
  accepted: ['started', 'withdrawn'],
  started: ['completed', 'dropped_out', 'withdrawn'],
  declined: [],
  no_response: [],
  completed: [],
  dropped_out: [],
  withdrawn: [],
  received: ['first_contact', 'not_eligible', 'withdrawn'],
  first_contact: ['taken_on', 'not_eligible', 'withdrawn'],
  taken_on: [],
  not_eligible: [],
};
const inbound = new Set<ReferralStatus>(['received', 'first_contact', 'taken_on', 'not_eligible']);
const directionOf = (status: ReferralStatus) => (inbound.has(status) ? 'in' : 'out');

describe('referral status machine', () => {
  const pairs = referralStatuses.flatMap((from) =>
    referralStatuses
      .filter((to) => to !== from)
      .map((to) => ({ from, to, ok: allowed[from].includes(to) })),
  );

  it.each(pairs)('$from -> $to allowed: $ok', async ({ from, to, ok }) => {
    expect(canMoveReferral(from, to)).toBe(ok);
    const direction = directionOf(from);
    const prev = referral({ status: from, direction });
    const next = referral({ status: to, direction });
    const reason = await checkReferralChange(prev, next, withConsent);
    if (ok) expect(reason).toBeNull();
    else expect(reason).toEqual(saysGerman(/nicht möglich|passt nicht zur Richtung/));
  });

  it('lists the moves a screen may offer', () => {
    expect(allowedReferralTransitions('sent')).toEqual(allowed.sent);
    expect(allowedReferralTransitions('completed')).toEqual([]);
  });

  it('withdrawn is reachable from every open state and from no closed one', () => {
    for (const status of referralStatuses.filter((s) => s !== 'withdrawn')) {
      expect(canMoveReferral(status, 'withdrawn')).toBe(allowed[status].length > 0);
    }
  });

  it('a new outbound referral starts as draft, consent pending or sent; an inbound one as received', async () => {
    expect(
      await checkReferralChange(undefined, referral({ status: 'draft' }), withConsent),
    ).toBeNull();
    expect(
      await checkReferralChange(undefined, referral({ status: 'sent' }), withConsent),
    ).toBeNull();
    expect(
      await checkReferralChange(
        undefined,
        referral({ direction: 'in', status: 'received' }),
        withConsent,
      ),
    ).toBeNull();
    expect(
      await checkReferralChange(undefined, referral({ status: 'accepted' }), withConsent),
    ).toEqual(saysGerman(/beginnt als Entwurf/));
    expect(
      await checkReferralChange(
        undefined,
        referral({ direction: 'in', status: 'draft' }),
        withConsent,
      ),
    ).toEqual(saysGerman(/passt nicht zur Richtung/));
  });

  it('case and direction never change; the partner only before sending', async () => {
    const sent = referral({ status: 'sent' });
    expect(await checkReferralChange(sent, { ...sent, caseId: OTHER_CASE }, withConsent)).toEqual(
      saysGerman(/anderen Fall/),
    );
    expect(
      await checkReferralChange(sent, { ...sent, partnerId: OTHER_PARTNER }, withConsent),
    ).toEqual(saysGerman(/Partner nicht mehr ändern/));
    const draft = referral();
    expect(
      await checkReferralChange(draft, { ...draft, partnerId: OTHER_PARTNER }, withConsent),
    ).toBeNull();
  });
});

describe('consent gate on sending', () => {
  const draft = referral();
  const send = (records: Record<string, AnyRecord[]>) =>
    checkReferralChange(draft, { ...draft, status: 'sent' }, context(records));

  it('sends with a valid consent to share with this partner', async () => {
    expect(await send({ consents: [consent()] })).toBeNull();
  });

  it.each([
    ['no consent at all', [], /keine gültige Einwilligung zur Weitergabe/],
    ['a withdrawn consent', [consent({ withdrawnOn: '2025-06-10' })], /am 10\.06\.2025 widerrufen/],
    ['a consent withdrawn today', [consent({ withdrawnOn: TODAY })], /widerrufen/],
    ['an expired consent', [consent({ validUntil: '2025-06-14' })], /am 14\.06\.2025 abgelaufen/],
    ['a consent for another partner', [consent({ partnerId: OTHER_PARTNER })], /anderen Partner/],
    ['a consent for another purpose', [consent({ purpose: 'case_conference' })], /keine gültige/],
    ['a consent of another case', [consent({ caseId: OTHER_CASE })], /keine gültige/],
    [
      'a consent dated two days ahead',
      [consent({ givenOn: '2025-06-17' })],
      /gilt erst ab 17\.06\.2025/,
    ],
  ])('refuses with %s', async (_label, consents, message) => {
    expect(await send({ consents })).toEqual(saysGerman(message));
  });

  it('accepts a consent dated tomorrow: the phone may already be past midnight', async () => {
    expect(await send({ consents: [consent({ givenOn: '2025-06-16' })] })).toBeNull();
  });

  it('passes when one of several consents is valid', async () => {
    const consents = [
      consent({ withdrawnOn: '2025-06-02' }),
      consent({ id: 'x', givenOn: '2025-06-05' }),
    ];
    expect(await send({ consents })).toBeNull();
  });

  it('checks the consent again from consent pending', async () => {
    const pending = referral({ status: 'consent_pending' });
    expect(
      await checkReferralChange(pending, { ...pending, status: 'sent' }, context({ consents: [] })),
    ).toEqual(saysGerman(/Einwilligung/));
  });

  it('a later change of a sent referral is not blocked by a withdrawn consent', async () => {
    const sent = referral({ status: 'sent' });
    const ctx = context({ consents: [consent({ withdrawnOn: '2025-06-10' })] });
    expect(await checkReferralChange(sent, { ...sent, status: 'declined' }, ctx)).toBeNull();
  });
});

describe('taking a withdrawal back ("Rückgängig")', () => {
  it('is allowed on the day of the withdrawal, back to the open status before, without the gate', async () => {
    const sent = referral({ status: 'sent', sentOn: '2025-06-01' });
    const fields = (referralStatusChange(sent, 'withdrawn', TODAY) as { fields: Partial<Referral> })
      .fields;
    const stored = { ...sent, ...fields };
    const back = { ...stored, ...referralWithdrawalUndo(sent) };
    expect(back).toMatchObject({ status: 'sent', closedOn: null });
    // The consent is gone meanwhile: taking the withdrawal back shares nothing new.
    const ctx = context({ consents: [consent({ withdrawnOn: '2025-06-10' })] });
    expect(await checkReferralChange(stored, back, ctx)).toBeNull();
  });

  it('is refused on a later day, and to a closed status', async () => {
    const stored = referral({ status: 'withdrawn', closedOn: '2025-06-14', sentOn: '2025-06-01' });
    const back = { ...stored, status: 'sent' as const, closedOn: null };
    expect(await checkReferralChange(stored, back, withConsent)).toEqual(
      saysGerman(/nicht möglich/),
    );
    const today = referral({ status: 'withdrawn', closedOn: TODAY });
    expect(
      await checkReferralChange(today, { ...today, status: 'completed' }, withConsent),
    ).toEqual(saysGerman(/nicht möglich/));
  });

  it('cannot be kept open by a forged or moved closing date', async () => {
    const sent = referral({ status: 'sent', sentOn: '2025-06-01' });
    // Withdrawn "in the future" would allow the undo on that later day.
    const future = { ...sent, status: 'withdrawn' as const, closedOn: '2025-07-01' };
    expect(await checkReferralChange(sent, future, withConsent)).toEqual(
      saysGerman(/in der Zukunft/),
    );
    // The phone may be past midnight already.
    const tomorrow = { ...sent, status: 'withdrawn' as const, closedOn: '2025-06-16' };
    expect(await checkReferralChange(sent, tomorrow, withConsent)).toBeNull();
    // Moving the day of a withdrawal later on would reopen the way back.
    const old = referral({ status: 'withdrawn', closedOn: '2025-06-10', sentOn: '2025-06-01' });
    expect(await checkReferralChange(old, { ...old, closedOn: TODAY }, withConsent)).toEqual(
      saysGerman(/Abschlussdatum/),
    );
  });
});

describe('offer and need of a referral', () => {
  it('refuses an offer of another partner and a need of another case', async () => {
    const ctx = context({
      offers: [{ id: 'o1', partnerId: OTHER_PARTNER }],
      needs: [{ id: 'n1', caseId: OTHER_CASE }],
    });
    expect(await checkReferralChange(undefined, referral({ offerId: 'o1' } as never), ctx)).toEqual(
      saysGerman(/anderen Partner/),
    );
    expect(await checkReferralChange(undefined, referral({ needId: 'n1' } as never), ctx)).toEqual(
      saysGerman(/anderen Fall/),
    );
  });
});

describe('status change fields', () => {
  it('sending stamps the date and a follow-up in 14 days', () => {
    expect(referralStatusChange({ status: 'draft' }, 'sent', TODAY)).toEqual({
      ok: true,
      fields: { status: 'sent', sentOn: TODAY, followUpOn: '2025-06-29' },
    });
  });

  it('keeps a follow-up date the THM picked in the future', () => {
    const result = referralStatusChange(
      { status: 'draft', followUpOn: '2025-07-01' },
      'sent',
      TODAY,
    );
    expect(result.ok && result.fields.followUpOn).toBe('2025-07-01');
  });

  it('an end state closes the referral; a refused move says so', () => {
    expect(referralStatusChange({ status: 'started' }, 'completed', TODAY)).toEqual({
      ok: true,
      fields: { status: 'completed', closedOn: TODAY },
    });
    expect(referralStatusChange({ status: 'completed' }, 'started', TODAY)).toEqual({
      ok: false,
      reason: saysGerman('Dieser Statuswechsel ist nicht möglich.'),
    });
  });

  it('knows which referrals already went to the partner', () => {
    expect(isSharedReferral({ direction: 'out', status: 'draft' })).toBe(false);
    expect(isSharedReferral({ direction: 'out', status: 'sent' })).toBe(true);
    expect(isSharedReferral({ direction: 'out', status: 'started' })).toBe(true);
    expect(isSharedReferral({ direction: 'out', status: 'completed' })).toBe(false);
    expect(isSharedReferral({ direction: 'in', status: 'received' })).toBe(false);
  });
});

describe('referral schema', () => {
  it('keeps the fixed keys and refuses an unknown direction', () => {
    const ok = v.safeParse(referralSchema, referral());
    expect(ok.success).toBe(true);
    expect(v.safeParse(referralSchema, { ...referral(), direction: 'sideways' }).success).toBe(
      false,
    );
    expect(referralTable.immutable).toEqual(['caseId', 'direction']);
  });
});
