import { describe, expect, it } from 'vitest';
import { hygieneWarning, openHygieneItems } from '../../src/shared/domain/appointment-hygiene';
import { toLocalDate } from '../../src/shared/domain/common';
import type { Appointment } from '../../src/shared/domain/appointment';

const items = ['distance', 'masks', 'ventilation', 'contact_list', 'room_capacity'];
// 10:00 local time on 14 March, whatever the test machine's zone.
const startsAt = new Date(2025, 2, 14, 10, 0).toISOString();
const day = toLocalDate(new Date(2025, 2, 14, 10, 0));
const meeting = (patch: Partial<Appointment> = {}) => ({
  mode: 'in_person' as const,
  status: 'confirmed' as const,
  startsAt,
  hygiene: { distance: true, masks: true, ventilation: false },
  ...patch,
});

describe('hygiene checklist warning', () => {
  it('lists the team items not ticked yet, in the team’s order', () => {
    expect(openHygieneItems(meeting(), items)).toEqual([
      'ventilation',
      'contact_list',
      'room_capacity',
    ]);
  });

  it('warns on the day of an in-person meeting', () => {
    expect(hygieneWarning(meeting(), items, day)).toEqual([
      'ventilation',
      'contact_list',
      'room_capacity',
    ]);
  });

  it('is silent once every item is ticked', () => {
    const all = Object.fromEntries(items.map((item) => [item, true]));
    expect(hygieneWarning(meeting({ hygiene: all }), items, day)).toEqual([]);
  });

  it.each([
    ['the day before', {}, '2025-03-13'],
    ['a phone call', { mode: 'phone' as const }, day],
    ['a video meeting', { mode: 'video' as const }, day],
    ['a cancelled meeting', { status: 'cancelled_thm' as const }, day],
    ['a meeting that took place', { status: 'attended' as const }, day],
  ])('does not warn for %s', (_name, patch, today) => {
    expect(hygieneWarning(meeting(patch), items, today)).toEqual([]);
  });

  it('follows the team setting: a custom item counts, a removed one does not', () => {
    expect(hygieneWarning(meeting({ hygiene: {} }), ['Desinfektionsmittel'], day)).toEqual([
      'Desinfektionsmittel',
    ]);
  });
});
