import { describe, expect, it } from 'vitest';
import * as v from 'valibot';
import { checkGapChange, gapSchema } from '../../src/shared/domain/gap';
import { saysGerman } from '../support/says-german';

const gap = {
  id: '01900000-0000-7000-8000-000000000001',
  category: 'language' as const,
  description: 'Kein Sprachkurs mit Kinderbetreuung in der Stadt',
  date: '2025-03-14',
};

describe('gaps in the support system', () => {
  it('need a category (the description is optional), and hold no person', () => {
    expect(v.safeParse(gapSchema, gap).success).toBe(true);
    expect(v.safeParse(gapSchema, { ...gap, description: null }).success).toBe(true);
    const result = v.safeParse(gapSchema, { ...gap, category: '' });
    expect(result.issues?.[0]?.message).toEqual(
      saysGerman('Bitte einen Bereich aus der Liste wählen'),
    );
    expect(Object.keys(v.parse(gapSchema, { ...gap, caseId: 'x' }))).not.toContain('caseId');
  });

  it('cannot be dated in the future', () => {
    expect(checkGapChange(undefined, { ...gap, date: '2025-03-20' }, '2025-03-14')).toEqual(
      saysGerman('Das Datum liegt in der Zukunft.'),
    );
    expect(checkGapChange(undefined, gap, '2025-03-14')).toBeNull();
  });
});
