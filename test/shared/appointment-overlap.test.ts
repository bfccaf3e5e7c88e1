import { describe, expect, it } from 'vitest';
import {
  intervalsOverlap,
  overlapIds,
  overlappingAppointments,
} from '../../src/shared/domain/appointment-overlap';
import type { AppointmentStatus } from '../../src/shared/domain/appointment';

const at = (hhmm: string) => `2025-03-14T${hhmm}:00.000Z`;
const slot = (
  id: string,
  from: string,
  to: string,
  status: AppointmentStatus = 'confirmed',
  ownerId = 'thm-1',
) => ({
  id,
  startsAt: at(from),
  endsAt: at(to),
  status,
  ownerId,
});

describe('overlap of appointment times', () => {
  it.each([
    ['09:00', '10:00', '09:30', '10:30', true],
    ['09:00', '10:00', '10:00', '11:00', false], // back to back
    ['09:00', '12:00', '10:00', '11:00', true], // contained
    ['09:00', '10:00', '08:00', '09:00', false],
    ['09:00', '09:00', '08:30', '09:30', true], // a zero-length call inside a meeting
    ['09:00', '09:00', '09:00', '09:00', true], // two calls at the same instant
  ])('%s-%s and %s-%s overlap: %s', (a1, a2, b1, b2, expected) => {
    expect(intervalsOverlap(slot('a', a1, a2), slot('b', b1, b2))).toBe(expected);
    expect(intervalsOverlap(slot('b', b1, b2), slot('a', a1, a2))).toBe(expected);
  });

  it('flags only the same THM’s appointments that still take time', () => {
    const candidate = slot('new', '09:00', '10:00');
    const others = [
      slot('same-owner', '09:30', '10:30'),
      slot('other-owner', '09:30', '10:30', 'confirmed', 'thm-2'),
      slot('cancelled', '09:30', '10:30', 'cancelled_thm'),
      slot('client-cancelled', '09:30', '10:30', 'cancelled_client'),
      slot('moved', '09:30', '10:30', 'rescheduled'),
      slot('attended', '09:15', '09:45', 'attended'),
      slot('later', '10:00', '11:00'),
      slot('new', '09:00', '10:00'), // itself, e.g. while editing
    ];
    expect(overlappingAppointments(candidate, others).map((a) => a.id)).toEqual([
      'same-owner',
      'attended',
    ]);
  });

  it('a cancelled candidate overlaps nothing', () => {
    expect(
      overlappingAppointments(slot('x', '09:00', '10:00', 'cancelled_client'), [
        slot('y', '09:00', '10:00'),
      ]),
    ).toEqual([]);
  });

  it('marks every member of an overlapping pair in a day list', () => {
    const list = [
      slot('a', '08:00', '09:00'),
      slot('b', '08:30', '09:30'),
      slot('c', '09:30', '10:00'),
      slot('d', '09:45', '10:15', 'cancelled_thm'),
      slot('e', '11:00', '13:00'),
      slot('f', '12:59', '13:30'),
    ];
    expect([...overlapIds(list)].sort()).toEqual(['a', 'b', 'e', 'f']);
  });
});
