import { describe, expect, it } from 'vitest';
import * as v from 'valibot';
import {
  checkContactChange,
  compareContactsNewestFirst,
  contactSchema,
  daysSinceLastContact,
  quickContactFields,
  type Contact,
} from '../../src/shared/domain/contact';
import { saysGerman } from '../support/says-german';
import { issueMessage } from '../../src/shared/i18n/message';
import { germanText } from '../../src/shared/i18n/message';

const caseId = '01890a5d-ac96-774b-bcce-b302099a8057';
const contact = (patch: Partial<Contact> = {}): Contact => ({
  id: '01900000-0000-7000-8000-000000000001',
  caseId,
  at: '2025-03-14T09:30:00.000Z',
  channel: 'phone',
  ...patch,
});
const today = '2025-03-14';

describe('contact log', () => {
  it('lets a summary be corrected', () => {
    expect(
      checkContactChange(
        contact(),
        contact({ summary: 'Termin beim Jobcenter besprochen' }),
        today,
      ),
    ).toBeNull();
  });

  it.each([
    [{ caseId: '01900000-0000-7000-8000-000000000009' }],
    [{ at: '2025-03-13T09:30:00.000Z' }],
    [{ channel: 'email' as const }],
  ])('never rewrites when, how or for whom: %o', (patch) => {
    expect(checkContactChange(contact(), contact(patch), today)).toEqual(
      saysGerman(
        'Ein Kontakt im Verlauf kann nicht nachträglich verschoben oder umgeschrieben werden.',
      ),
    );
  });

  it('refuses a new contact in the future (one day of slack for time zones)', () => {
    expect(
      checkContactChange(undefined, contact({ at: '2025-03-15T22:00:00.000Z' }), today),
    ).toBeNull();
    expect(
      checkContactChange(undefined, contact({ at: '2025-03-16T08:00:00.000Z' }), today),
    ).toEqual(saysGerman('Ein Kontakt kann nicht in der Zukunft liegen.'));
  });

  it('quick entry stamps now, the THM as initiator and drops an empty note', () => {
    const now = new Date('2025-03-14T10:00:00.000Z');
    expect(quickContactFields(caseId, 'messenger', '  ', now, 'user-1')).toEqual({
      caseId,
      channel: 'messenger',
      at: '2025-03-14T10:00:00.000Z',
      initiatedBy: 'thm',
      summary: null,
      authorId: 'user-1',
    });
    const fields = quickContactFields(caseId, 'phone', 'Rückruf wegen Kurs', now);
    expect(v.safeParse(contactSchema, { id: contact().id, ...fields }).success).toBe(true);
  });

  it('rejects a duration beyond one day in German', () => {
    const result = v.safeParse(contactSchema, contact({ durationMinutes: 1441 }));
    expect(germanText(issueMessage(result.issues?.[0]))).toEqual(
      saysGerman('Bitte höchstens 1440 Minuten eingeben'),
    );
  });

  it('sorts newest first and counts days since the last contact', () => {
    const older = contact({
      id: '01900000-0000-7000-8000-000000000002',
      at: '2025-03-01T10:00:00.000Z',
    });
    const newer = contact({
      id: '01900000-0000-7000-8000-000000000003',
      at: '2025-03-10T10:00:00.000Z',
    });
    expect([older, newer].sort(compareContactsNewestFirst)[0]).toBe(newer);
    expect(daysSinceLastContact([older, newer], new Date('2025-03-14T11:00:00.000Z'))).toBe(4);
    expect(daysSinceLastContact([], new Date())).toBeNull();
  });
});
