// The German text of each data kind on a referral summary. Only the kinds passed in are read, so
// the caller's consent filter decides what can appear at all.
import { de as messagesDe } from '../../../shared/i18n/messages';
import { fullName, type Case } from '../../../shared/domain/case';
import { germanDay } from '../../../shared/domain/german-day';
import type { SharedDataKind } from '../../../shared/domain/consent';
import type { Need } from '../../../shared/domain/need';
import type { Referral } from '../../../shared/domain/referral';
import type { ResidenceStatus } from '../../../shared/domain/residence-status';
import type { CaseDocument } from '../../../shared/domain/document';

const de = messagesDe.cases;

export interface SummarySource {
  person: Case;
  /** Absent for a handover pack, which has no referral (and so no reason). */
  referral?: Referral | undefined;
  need?: Need | undefined;
  status?: ResidenceStatus | undefined;
  /** The documents of the referral: only named on the sheet (title, date), never attached. */
  documents?: readonly Pick<CaseDocument, 'title' | 'date'>[];
}

export function summaryValues(
  kinds: readonly SharedDataKind[],
  source: SummarySource,
): { kind: SharedDataKind; value: string }[] {
  return kinds
    .map((kind) => ({ kind, value: valueOf(kind, source) }))
    .filter((entry) => entry.value !== '');
}

function valueOf(
  kind: SharedDataKind,
  { person, referral, need, status, documents }: SummarySource,
): string {
  switch (kind) {
    case 'name':
      return fullName(person);
    case 'birth_date':
      return person.birthDate ? germanDay(person.birthDate) : '';
    case 'contact':
      return [person.phone, person.email].filter(Boolean).join('\n');
    case 'languages':
      return [
        person.languages,
        person.interpreterNeeded
          ? `Dolmetschung nötig${person.interpreterLanguage ? `: ${person.interpreterLanguage}` : ''}`
          : null,
      ]
        .filter(Boolean)
        .join('\n');
    case 'german_level':
      return person.germanLevel
        ? [
            de.germanLevel[person.germanLevel],
            person.germanLevelSource ? de.germanLevelSource[person.germanLevelSource] : null,
          ]
            .filter(Boolean)
            .join(', ')
        : '';
    case 'residence':
      return status
        ? [
            de.residenceKind[status.kind],
            status.validUntil ? `gültig bis ${germanDay(status.validUntil)}` : null,
          ]
            .filter(Boolean)
            .join(', ')
        : '';
    case 'schooling':
      return person.schooling ? de.schooling[person.schooling] : '';
    case 'need':
      return need
        ? [de.needCategory[need.category], need.description].filter(Boolean).join(': ')
        : '';
    case 'reason':
      return referral?.reason ?? '';
    case 'documents':
      return (documents ?? [])
        .map((document) => `${document.title} (${germanDay(document.date)})`)
        .join('\n');
  }
}
