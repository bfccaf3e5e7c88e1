import { describe, expect, it } from 'vitest';
import { hiddenOffers, suggestOffers } from '../../src/shared/domain/offer-suggestions';
import type { ResidenceKind } from '../../src/shared/domain/residence-status';

function offer(id: string, targetStatuses: ResidenceKind[], active?: boolean) {
  return { id, title: `Angebot ${id}`, targetStatuses, active };
}

const offers = [
  offer('b', ['duldung', 'gestattung']),
  offer('a', ['duldung']),
  offer('c', ['aufenthaltserlaubnis']),
  offer('d', []),
  offer('e', ['duldung'], false),
];

describe('offer suggestions', () => {
  it('suggests active offers naming the current status, by title', () => {
    const statuses = [{ id: '1', issuedOn: '2025-01-01', kind: 'duldung' as const }];
    expect(suggestOffers(offers, statuses).map((o) => o.id)).toEqual(['a', 'b']);
  });

  it('uses the latest status, not an older one', () => {
    const statuses = [
      { id: '1', issuedOn: '2024-01-01', kind: 'gestattung' as const },
      { id: '2', issuedOn: '2025-03-01', kind: 'aufenthaltserlaubnis' as const },
    ];
    expect(suggestOffers(offers, statuses).map((o) => o.id)).toEqual(['c']);
  });

  it('suggests nothing without a status, and never offers that name no status', () => {
    expect(suggestOffers(offers, [])).toEqual([]);
    const statuses = [{ id: '1', issuedOn: null, kind: 'niederlassung' as const }];
    expect(suggestOffers(offers, statuses)).toEqual([]);
  });

  it('leaves out offers the case already has an open referral to', () => {
    const statuses = [{ id: '1', issuedOn: '2025-01-01', kind: 'duldung' as const }];
    const referrals = [
      { offerId: 'a', status: 'sent' as const },
      { offerId: 'b', status: 'declined' as const },
    ];
    expect(suggestOffers(offers, statuses, referrals).map((o) => o.id)).toEqual(['b']);
  });
});

describe('why an offer is not suggested (issue 13)', () => {
  it('counts each hidden offer once, by its first reason', () => {
    const statuses = [{ id: '1', issuedOn: '2025-01-01', kind: 'duldung' as const }];
    const referrals = [{ offerId: 'a', status: 'sent' as const }];
    // a: referred; b: suggested; c: other status; d: no target group; e: not active.
    expect(hiddenOffers(offers, statuses, referrals)).toEqual({
      inactive: 1,
      noTargetGroup: 1,
      otherStatus: 1,
      referred: 1,
    });
  });

  it('says nothing without a status (the section explains that already)', () => {
    expect(hiddenOffers(offers, [])).toEqual({
      inactive: 0,
      noTargetGroup: 0,
      otherStatus: 0,
      referred: 0,
    });
  });
});
