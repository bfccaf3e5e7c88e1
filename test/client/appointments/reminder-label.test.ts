import { describe, expect, it } from 'vitest';
import { reminderLabel } from '../../../src/client/features/appointments/labels';

describe('reminder labels', () => {
  it.each([
    [0, 'Zum Beginn'],
    [15, '15 Minuten vorher'],
    [60, '1 Stunde vorher'],
    [120, '2 Stunden vorher'],
    [1440, '1 Tag vorher'],
  ])('%i minutes: %s', (minutes, label) => {
    expect(reminderLabel(minutes)).toBe(label);
  });
});
