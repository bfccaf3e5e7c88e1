// The partner directory's search: every word must start a word of the name or contact person
// (case- and accent-insensitive). Names are encrypted at rest, so there is no index on them; the
// directory (a few hundred partners) is filtered in memory after reading.
import type { FeldakteDb, StoredRecord } from '../../../local/db';
import { matchesQuery, searchTerms } from '../../../shared/domain/search-terms';
import { comparePartners, type PartnerKind } from '../../../shared/domain/partner';

export type StoredPartner = StoredRecord<'partners'>;

export async function searchPartners(
  db: FeldakteDb,
  filter: { query?: string; kind?: PartnerKind | '' },
): Promise<StoredPartner[]> {
  const words = searchTerms(filter.query);
  const rows = filter.kind
    ? await db.partners.where('kind').equals(filter.kind).toArray()
    : await db.partners.toArray();
  return rows
    .filter(
      (row) =>
        words.length === 0 ||
        matchesQuery(searchTerms(row.name, row.contactPerson), filter.query ?? ''),
    )
    .sort(comparePartners);
}
