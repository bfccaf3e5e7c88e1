import { describe, expect, it } from 'vitest';
import { ageLimitTaskFields } from '../../src/shared/domain/case-age';

const today = '2025-03-14';
const id = '01957a3c-0000-7000-8000-000000000001';

describe('the age-limit task a birth date brings along', () => {
  it.each([
    ['falls due 90 days before the 27th birthday', '2000-09-01', '2027-06-03'],
    ['counts back from 28 Feb for a 29 Feb birthday', '2000-02-29', '2026-11-30'],
    ['is due today when the 90 days have already begun', '1998-05-01', today],
    ['is due today on the 27th birthday itself', '1998-03-14', today],
  ])('%s', (_rule, birthDate, dueOn) => {
    expect(ageLimitTaskFields({ id, birthDate }, today)).toMatchObject({
      caseId: id,
      dueOn,
      kind: 'age_limit',
      sourceTable: 'cases',
      sourceId: id,
    });
  });

  it.each([
    ['without a birth date', undefined],
    ['with a cleared birth date', null],
    ['once the 27th birthday has passed', '1998-03-13'],
  ])('is not made %s', (_rule, birthDate) => {
    expect(ageLimitTaskFields({ id, birthDate }, today)).toBeNull();
  });

  it('names the birthday in German, as a reminder', () => {
    expect(ageLimitTaskFields({ id, birthDate: '2000-09-01' }, today)?.title).toBe(
      'Altersgrenze: 27 Jahre am 01.09.2027 — Übergang planen',
    );
  });
});
