// The partner directory's search: every word must start a word of the name or contact person
// (case- and accent-insensitive), found through the `_terms` multiEntry index.
import type { FeldakteDb, StoredRecord } from '../../../local/db';
import { matchesQuery, searchTerms } from '../../../shared/domain/search-terms';
import { comparePartners, type PartnerKind } from '../../../shared/domain/partner';

export type StoredPartner = StoredRecord<'partners'>;

export async function searchPartners(
  db: FeldakteDb,
  filter: { query?: string; kind?: PartnerKind | '' },
): Promise<StoredPartner[]> {
  const words = searchTerms(filter.query);
  const [first] = words;
  const rows = first
    ? await db.partners.where('_terms').startsWith(first).distinct().toArray()
    : await db.partners.toArray();
  return rows
    .filter((row) => !filter.kind || row.kind === filter.kind)
    .filter((row) => words.length < 2 || matchesQuery(row._terms ?? [], filter.query ?? ''))
    .sort(comparePartners);
}
