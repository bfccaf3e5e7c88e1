import { describe, expect, it } from 'vitest';
import { conferenceConsentCheck } from '../../src/shared/domain/conference-consent';
import type { Consent } from '../../src/shared/domain/consent';
import { saysGerman } from '../support/says-german';

const A = '01890000-0000-7000-8000-0000000000a1';
const B = '01890000-0000-7000-8000-0000000000a2';
const C = '01890000-0000-7000-8000-0000000000a3';
const TODAY = '2025-06-15';

function conference(fields: Partial<Consent>) {
  return {
    purpose: 'case_conference' as const,
    partnerId: null,
    givenOn: '2025-06-01',
    validUntil: null,
    withdrawnOn: null,
    ...fields,
  };
}

describe('case conference consent check', () => {
  it('warns per partner without a covering consent', () => {
    const consents = [
      conference({ partnerId: A }),
      conference({ partnerId: B, withdrawnOn: '2025-06-10' }),
    ];
    const result = conferenceConsentCheck([A, B, C], consents, TODAY);
    expect(result.map((r) => [r.partnerId, r.ok, r.problem])).toEqual([
      [A, true, undefined],
      [B, false, 'withdrawn'],
      [C, false, 'other_partner'],
    ]);
    expect(result[1]!.message).toEqual(
      saysGerman(/Fallkonferenz wurde am 10\.06\.2025 widerrufen/),
    );
  });

  it('a conference consent naming no partner covers everyone; a sharing consent does not', () => {
    expect(conferenceConsentCheck([A, B], [conference({})], TODAY).every((r) => r.ok)).toBe(true);
    const sharing = { ...conference({ partnerId: A }), purpose: 'share_with_partner' as const };
    expect(conferenceConsentCheck([A], [sharing], TODAY)[0]).toMatchObject({
      ok: false,
      problem: 'missing',
    });
  });

  it('checks each partner once', () => {
    expect(conferenceConsentCheck([A, A], [], TODAY)).toHaveLength(1);
  });
});
