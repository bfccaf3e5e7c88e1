// The consent gate runs on the server too: a push that moves a referral to `sent` without a valid
// consent to share with that partner is rejected with the German reason ([P5]) and stores nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  newRecordId,
  startTestServer,
  tick,
  validCase,
  type Member,
  type PushMutation,
  type PushResponse,
  type TestServer,
} from '../support/server-harness';
import { addDays, toLocalDate } from '../../src/shared/domain/common';

let server: TestServer;
let thm: Member;
let nextMutation = 1;

beforeAll(async () => {
  server = await startTestServer();
  thm = await server.member('Team Referral');
});
afterAll(() => server.close());

const today = toLocalDate(new Date());

function put(table: string, recordId: string, fields: Record<string, unknown>): PushMutation {
  return {
    id: nextMutation++,
    table: table as never,
    recordId,
    op: 'put',
    fields,
    hlc: tick(thm),
    baseCursor: 0,
  };
}

async function push(...mutations: PushMutation[]) {
  const response = await server.push(thm, mutations);
  expect(response.statusCode).toBe(200);
  return response.json<PushResponse>().results;
}

async function stored(table: string, id: string) {
  const all = await server.pullAll(thm);
  return all.changes.filter((c) => c.table === table && c.id === id).at(-1)?.fields;
}

async function setUp() {
  const caseId = newRecordId();
  const partnerId = newRecordId();
  const referralId = newRecordId();
  const results = await push(
    put('cases', caseId, validCase()),
    put('partners', partnerId, { name: 'VHS Beispielstadt', kind: 'vhs', agreement: 'none' }),
    put('referrals', referralId, { caseId, partnerId, direction: 'out', status: 'draft' }),
  );
  expect(results.map((r) => r.status)).toEqual(['applied', 'applied', 'applied']);
  return { caseId, partnerId, referralId };
}

describe('[P5] referral consent gate on the server', () => {
  it('rejects sending without any consent, with the reason, and keeps the draft', async () => {
    const { referralId } = await setUp();
    const [result] = await push(put('referrals', referralId, { status: 'sent', sentOn: today }));
    expect(result).toMatchObject({ status: 'rejected' });
    expect(result!.reason).toMatch(/keine gültige Einwilligung zur Weitergabe an diesen Partner/);
    expect(await stored('referrals', referralId)).toMatchObject({ status: 'draft' });
    expect((await stored('referrals', referralId))?.sentOn).toBeUndefined();
  });

  it('rejects sending under a withdrawn consent, naming the withdrawal', async () => {
    const { caseId, partnerId, referralId } = await setUp();
    const consentId = newRecordId();
    const [consent, send] = await push(
      put('consents', consentId, {
        caseId,
        purpose: 'share_with_partner',
        partnerId,
        givenOn: addDays(today, -30),
        withdrawnOn: today,
      }),
      put('referrals', referralId, { status: 'sent' }),
    );
    expect(consent!.status).toBe('applied');
    expect(send).toMatchObject({ status: 'rejected' });
    expect(send!.reason).toMatch(/widerrufen/);
    expect(await stored('referrals', referralId)).toMatchObject({ status: 'draft' });
  });

  it('rejects sending under an expired consent or one for another partner', async () => {
    const { caseId, partnerId, referralId } = await setUp();
    const otherPartner = newRecordId();
    await push(
      put('partners', otherPartner, { name: 'Jobcenter', kind: 'jobcenter', agreement: 'none' }),
      put('consents', newRecordId(), {
        caseId,
        purpose: 'share_with_partner',
        partnerId,
        givenOn: addDays(today, -60),
        validUntil: addDays(today, -1),
      }),
      put('consents', newRecordId(), {
        caseId,
        purpose: 'share_with_partner',
        partnerId: otherPartner,
        givenOn: addDays(today, -5),
      }),
    );
    const [send] = await push(put('referrals', referralId, { status: 'sent' }));
    expect(send).toMatchObject({ status: 'rejected' });
    expect(send!.reason).toMatch(/abgelaufen/);
    expect(await stored('referrals', referralId)).toMatchObject({ status: 'draft' });
  });

  it('a new referral pushed straight as sent without consent stores nothing at all', async () => {
    const { caseId, partnerId } = await setUp();
    const referralId = newRecordId();
    const [result] = await push(
      put('referrals', referralId, { caseId, partnerId, direction: 'out', status: 'sent' }),
    );
    expect(result).toMatchObject({ status: 'rejected' });
    expect(result!.reason).toMatch(/Einwilligung/);
    expect(await stored('referrals', referralId)).toBeUndefined();
  });

  it('applies sending once a valid consent for that partner is there', async () => {
    const { caseId, partnerId, referralId } = await setUp();
    const consentId = newRecordId();
    const results = await push(
      put('consents', consentId, {
        caseId,
        purpose: 'share_with_partner',
        partnerId,
        givenOn: today,
      }),
      put('referrals', referralId, { status: 'sent', sentOn: today, consentId }),
    );
    expect(results.map((r) => r.status)).toEqual(['applied', 'applied']);
    expect(await stored('referrals', referralId)).toMatchObject({ status: 'sent', consentId });
  });
});

// Issue 13 item 2: "Rückgängig" on the phone is an ordinary change; the server runs the same rule.
describe('taking a withdrawal back on the server', () => {
  async function givenConsent() {
    const { caseId, partnerId, referralId } = await setUp();
    const consentId = newRecordId();
    const [given] = await push(
      put('consents', consentId, {
        caseId,
        purpose: 'share_with_partner',
        partnerId,
        givenOn: addDays(today, -20),
      }),
    );
    expect(given).toMatchObject({ status: 'applied' });
    return { caseId, partnerId, referralId, consentId };
  }

  it('accepts a consent withdrawal taken back on the day it was entered, after it was pushed', async () => {
    const { consentId } = await givenConsent();
    const [withdrawn] = await push(
      put('consents', consentId, { withdrawnOn: addDays(today, -2), withdrawalRecordedOn: today }),
    );
    expect(withdrawn).toMatchObject({ status: 'applied' });
    const [undone] = await push(
      put('consents', consentId, { withdrawnOn: null, withdrawalRecordedOn: null }),
    );
    expect(undone).toMatchObject({ status: 'applied' });
    expect((await stored('consents', consentId))?.withdrawnOn ?? null).toBeNull();
  });

  it('refuses a withdrawal dated in the future or before the consent, and an old one taken back', async () => {
    const { consentId } = await givenConsent();
    const [future] = await push(
      put('consents', consentId, { withdrawnOn: addDays(today, 2), withdrawalRecordedOn: today }),
    );
    expect(future).toMatchObject({ status: 'rejected' });
    expect(future!.reason).toMatch(/nicht in der Zukunft/);
    const [early] = await push(
      put('consents', consentId, { withdrawnOn: addDays(today, -30), withdrawalRecordedOn: today }),
    );
    expect(early).toMatchObject({ status: 'rejected' });
    const yesterday = addDays(today, -1);
    const [old] = await push(
      put('consents', consentId, { withdrawnOn: yesterday, withdrawalRecordedOn: yesterday }),
    );
    expect(old).toMatchObject({ status: 'applied' });
    const [back] = await push(
      put('consents', consentId, { withdrawnOn: null, withdrawalRecordedOn: null }),
    );
    expect(back).toMatchObject({ status: 'rejected' });
    expect(back!.reason).toMatch(/nicht zurücknehmen/);
  });

  it('accepts a referral withdrawal taken back to its open status on the same day', async () => {
    const { referralId } = await givenConsent();
    const [withdrawn] = await push(
      put('referrals', referralId, { status: 'withdrawn', closedOn: today }),
    );
    expect(withdrawn).toMatchObject({ status: 'applied' });
    const [undone] = await push(put('referrals', referralId, { status: 'draft', closedOn: null }));
    expect(undone).toMatchObject({ status: 'applied' });
    expect(await stored('referrals', referralId)).toMatchObject({ status: 'draft' });
  });
});
