// A label for every field of every synced table, for the screens that show changes field by field
// (conflicts, rejected changes, the access export). The German labels (catalogues/fields.ts) join
// the German catalogue when this module loads, as `fields.<table>.<field>`: only those lazy screens
// import it, so neither the first screen nor the service worker carries them. The English half is
// in the English chunk with every other English catalogue.
import type { RecordOf, TableName } from '../domain/tables';
import { de } from './messages';
import { fields } from './catalogues/fields';
import { t, type MessageKey } from './t';

Object.assign(de, { fields });

// Each table lists exactly its record's fields: a missing one fails the assignment, an extra one
// (or an extra table) is named by the compiler in `extra`.
type FieldLabels = { readonly [T in TableName]: { readonly [F in keyof RecordOf<T>]-?: string } };
type Extra =
  | Exclude<keyof typeof fields, TableName>
  | { [T in TableName]: Exclude<keyof (typeof fields)[T], keyof RecordOf<T>> }[TableName];

/** The German labels by table, in the order the forms show the fields. */
export const fieldLabels: FieldLabels = fields;
const extra: [Extra] extends [never] ? true : Extra = true;
void extra;

/** The label of `field` in `table` in the chosen language, or undefined for a field no table has. */
export function fieldLabelOf(table: string, field: string): string | undefined {
  if (!Object.hasOwn(fields, table)) return undefined;
  const labels = fields[table as TableName] as Record<string, string>;
  return Object.hasOwn(labels, field) ? t(`fields.${table}.${field}` as MessageKey) : undefined;
}
