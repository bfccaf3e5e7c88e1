// An offer of a partner: the alliance's catalogue that referrals point to. Titles are data (a
// programme's building blocks, a club's course); the code never knows programme names.
import * as v from 'valibot';
import { defineTable } from './table-rules';
import {
  choice,
  count,
  flag,
  LONG,
  optional,
  recordId,
  reference,
  requiredText,
  SHORT,
  text,
} from './common';
import { residenceKinds } from './residence-status';
import { key, message, type Message } from '../i18n/message';

export const offerCategories = [
  'coaching',
  'language_course',
  'school_course',
  'training',
  'work',
  'counselling',
  'club_course',
  'leisure',
  'other',
] as const;
export type OfferCategory = (typeof offerCategories)[number];

export const offerSchema = v.object({
  id: recordId,
  partnerId: reference('rules.validation.choosePartner'),
  title: requiredText(SHORT, 'rules.offers.title'),
  category: optional(choice(offerCategories, 'rules.offers.category')),
  /** Residence status kinds the offer is open to; empty = no status named (never suggested). */
  targetStatuses: v.pipe(
    v.array(choice(residenceKinds, 'rules.offers.unknownStatus')),
    v.maxLength(residenceKinds.length, key('rules.offers.statusOnce')),
    v.check((kinds) => new Set(kinds).size === kinds.length, key('rules.offers.statusOnce')),
  ),
  /** Free places right now. */
  places: optional(count('rules.offers.places')),
  /** People on the waiting list. */
  waitlist: optional(count('rules.offers.waitlist')),
  childcare: optional(flag()),
  /** Travel costs are covered. */
  travelCosts: optional(flag()),
  /** Language(s) the offer is held in. */
  language: optional(text(SHORT)),
  description: optional(text(LONG)),
  /** Inactive offers stay for old referrals but are no longer offered or suggested. */
  active: optional(flag()),
});
export type Offer = v.InferOutput<typeof offerSchema>;

export function checkOfferChange(prev: Offer | undefined, next: Offer): Message | null {
  if (prev && prev.partnerId !== next.partnerId) {
    return message('rules.offers.otherPartner');
  }
  return null;
}

export const offerTable = defineTable<Offer>({
  schema: offerSchema,
  checkChange: (prev, next) => checkOfferChange(prev, next),
  immutable: ['partnerId'],
});

export function isOfferActive(offer: Pick<Offer, 'active'>): boolean {
  return offer.active !== false;
}

export type Availability = 'open' | 'waitlist' | 'full' | 'unknown';

/** What the THM may tell the person about getting in. */
export function offerAvailability(offer: Pick<Offer, 'places' | 'waitlist'>): Availability {
  if (offer.places != null && offer.places > 0) return 'open';
  if (offer.waitlist != null && offer.waitlist > 0) return 'waitlist';
  if (offer.places === 0) return 'full';
  return 'unknown';
}

export function compareOffers(a: Pick<Offer, 'title'>, b: Pick<Offer, 'title'>): number {
  return a.title.localeCompare(b.title, 'de');
}
