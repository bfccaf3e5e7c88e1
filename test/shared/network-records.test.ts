// Partners, offers and the starter list.
import { describe, expect, it } from 'vitest';
import * as v from 'valibot';
import { checkPartnerChange, partnerSchema, type Partner } from '../../src/shared/domain/partner';
import {
  checkOfferChange,
  offerAvailability,
  offerSchema,
  type Offer,
} from '../../src/shared/domain/offer';
import { missingStarterPartners, starterNetwork } from '../../src/shared/domain/starter-network';
import { saysGerman } from '../support/says-german';

const PARTNER = '01890000-0000-7000-8000-0000000000a1';

function partner(fields: Partial<Partner> = {}): Partner {
  return { id: PARTNER, name: 'VHS Beispielstadt', kind: 'vhs', agreement: 'none', ...fields };
}

function offer(fields: Partial<Offer> = {}): Offer {
  return {
    id: '01890000-0000-7000-8000-0000000000b1',
    partnerId: PARTNER,
    title: 'Nähkurs',
    targetStatuses: ['duldung'],
    ...fields,
  };
}

describe('partners', () => {
  it('needs a name and a kind from the list', () => {
    expect(v.safeParse(partnerSchema, partner()).success).toBe(true);
    const noName = v.safeParse(partnerSchema, partner({ name: '  ' }));
    expect(noName.success).toBe(false);
    expect(noName.issues?.[0]?.message).toEqual(
      saysGerman('Bitte den Namen des Partners eingeben'),
    );
    expect(v.safeParse(partnerSchema, { ...partner(), kind: 'bank' }).success).toBe(false);
  });

  it('an agreement in place carries its date; no agreement carries none', () => {
    expect(checkPartnerChange(undefined, partner({ agreement: 'in_place' }))).toEqual(
      saysGerman(/Datum/),
    );
    expect(
      checkPartnerChange(undefined, partner({ agreement: 'in_place', agreementOn: '2025-01-01' })),
    ).toBeNull();
    expect(checkPartnerChange(undefined, partner({ agreement: 'planned' }))).toBeNull();
    expect(checkPartnerChange(undefined, partner({ agreementOn: '2025-01-01' }))).toEqual(
      saysGerman(/kein Datum/),
    );
  });

  it('refuses a malformed e-mail address', () => {
    expect(v.safeParse(partnerSchema, partner({ email: 'vhs at example' })).success).toBe(false);
    expect(v.safeParse(partnerSchema, partner({ email: 'kurse@vhs.example' })).success).toBe(true);
  });
});

describe('offers', () => {
  it('target statuses are residence kinds, each once', () => {
    expect(v.safeParse(offerSchema, offer()).success).toBe(true);
    expect(
      v.safeParse(offerSchema, offer({ targetStatuses: ['duldung', 'duldung'] })).success,
    ).toBe(false);
    expect(v.safeParse(offerSchema, { ...offer(), targetStatuses: ['tourist'] }).success).toBe(
      false,
    );
  });

  it('places and waitlist are whole numbers from 0', () => {
    expect(v.safeParse(offerSchema, offer({ places: -1 })).success).toBe(false);
    expect(v.safeParse(offerSchema, offer({ places: 2.5 })).success).toBe(false);
  });

  it.each([
    [{ places: 3 }, 'open'],
    [{ places: 0, waitlist: 4 }, 'waitlist'],
    [{ places: 0 }, 'full'],
    [{}, 'unknown'],
  ] as const)('availability of %o is %s', (fields, expected) => {
    expect(offerAvailability(fields)).toBe(expected);
  });

  it('an offer stays with its partner', () => {
    const prev = offer();
    expect(
      checkOfferChange(prev, { ...prev, partnerId: '01890000-0000-7000-8000-0000000000a9' }),
    ).toEqual(saysGerman(/anderen Partner/));
  });
});

describe('starter network', () => {
  it('is valid data: every partner and offer passes its schema', () => {
    for (const starter of starterNetwork) {
      expect(
        v.safeParse(partnerSchema, partner({ name: starter.name, kind: starter.kind })).success,
      ).toBe(true);
      for (const o of starter.offers) {
        const { title, category, targetStatuses, language, childcare, travelCosts, description } =
          o;
        const record = {
          title,
          category,
          targetStatuses: [...targetStatuses],
          language,
          childcare,
          travelCosts,
          description,
        };
        expect(v.safeParse(offerSchema, offer(record)).success, o.title).toBe(true);
      }
    }
  });

  it('contains building blocks such as coaching, language courses and club courses', () => {
    const titles = starterNetwork.flatMap((p) => p.offers.map((o) => o.title));
    expect(titles).toEqual(
      expect.arrayContaining(['Nähkurs', 'Kochkurs', 'Fahrradkurs', 'PC-Kurs']),
    );
    const categories = new Set(starterNetwork.flatMap((p) => p.offers.map((o) => o.category)));
    expect([...categories]).toEqual(
      expect.arrayContaining(['coaching', 'language_course', 'school_course']),
    );
  });

  it('loading twice adds nothing twice (names compared without case and accents)', () => {
    const existing = [{ name: 'JOBCENTER' }, { name: 'Agentur fur Arbeit' }];
    const missing = missingStarterPartners(existing).map((p) => p.name);
    expect(missing).not.toContain('Jobcenter');
    expect(missing).not.toContain('Agentur für Arbeit');
    expect(missing).toContain('Volkshochschule (VHS)');
    expect(missingStarterPartners(starterNetwork)).toEqual([]);
  });
});
