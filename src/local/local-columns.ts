// Derived, device-only columns that the indexes need ([R4]: never synced, recomputed on every write
// and every pulled record).
import type { LocalColumns } from './db';
import type { AnyRecord } from '../shared/domain/table-rules';
import { searchTerms } from '../shared/domain/search-terms';

export function localColumns(table: string, record: AnyRecord): LocalColumns {
  switch (table) {
    case 'cases':
      return {
        _terms: searchTerms(
          record.givenName as string,
          record.familyName as string,
          record.otherNames as string[] | undefined,
        ),
      };
    case 'partners':
      return {
        _terms: searchTerms(record.name as string, record.contactPerson as string | undefined),
      };
    default:
      return {};
  }
}
