import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import {
  defaultHygieneItems,
  hygieneItemsOf,
  settingId,
  settingSchema,
} from '../../src/shared/domain/setting';
import { UUID_PATTERN } from '../../src/shared/domain/common';
import { fieldErrors } from '../../src/local/record-errors';

describe('team settings', () => {
  it('derive their id from team and key: the same on every phone, different per team', () => {
    const id = settingId('team-nord', 'hygiene_items');
    expect(id).toMatch(UUID_PATTERN);
    expect(id[14]).toBe('8'); // UUID version 8 (custom)
    expect(settingId('team-nord', 'hygiene_items')).toBe(id);
    expect(settingId('team-sued', 'hygiene_items')).not.toBe(id);
  });

  it('has no hygiene checklist until the team saves one (issue 27 item 9)', () => {
    expect(hygieneItemsOf(undefined)).toEqual([]);
    expect(defaultHygieneItems).toContain('distance'); // offered as suggestions
    expect(hygieneItemsOf({ value: ['masks', 'Desinfektionsmittel'] })).toEqual([
      'masks',
      'Desinfektionsmittel',
    ]);
    expect(hygieneItemsOf({ value: 'kaputt' })).toEqual([]);
  });

  it.each([
    [['masks', 'masks'], 'Jeder Punkt nur einmal'],
    [['masks', ''], 'Bitte einen Text für den Punkt eingeben'],
    ['masks', 'Bitte eine Liste von Punkten angeben'],
    // The bound of the item text reaches the message through the forwarded issue.
    [['x'.repeat(81)], 'Bitte höchstens 80 Zeichen eingeben'],
  ])('refuses hygiene items %j', (value, message) => {
    const result = v.safeParse(settingSchema, {
      id: settingId('t', 'hygiene_items'),
      key: 'hygiene_items',
      value,
    });
    expect(result.success).toBe(false);
    if (!result.success) expect(fieldErrors(result.issues).value).toBe(message);
  });
});
