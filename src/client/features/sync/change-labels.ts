// Readable names for a table, a field and a stored value in the conflict and rejection lists.
// Field and enum labels come from the feature catalogues where they exist (`cases.fields.x`,
// `cases.status.active`); an unknown key is shown as it is rather than hidden.
import { hasMessage, formatDateTime, formatDay, t } from '../../../shared/i18n/t';
import { isTableName } from '../../../shared/domain/tables';
import { fieldLabelOf } from '../../../shared/i18n/field-labels';
import { isPersonTextLanguage, personTextLanguageNames } from '../../../shared/texts/person-texts';

const fieldCatalogues = ['cases', 'appointments', 'network'] as const;

export function tableLabel(table: string): string {
  return isTableName(table) ? t(`sync.tables.${table}`) : table;
}

/** The field's label in the current language (every field of every table has one). */
export function fieldLabel(table: string, field: string): string {
  return fieldLabelOf(table, field) ?? field;
}

/**
 * Enum fields whose labels sit under another name than the field's (`contacts.channel` ->
 * `cases.contactChannel`), so "in_person" never shows as it is stored.
 */
const valueGroups: Record<string, Record<string, string>> = {
  cases: { schoolingRecognition: 'cases.recognition' },
  statuses: { kind: 'cases.residenceKind' },
  needs: {
    category: 'cases.needCategory',
    priority: 'cases.needPriority',
    source: 'cases.needSource',
    status: 'cases.needStatus',
    nextStepBy: 'cases.needActor',
  },
  contacts: { channel: 'cases.contactChannel', initiatedBy: 'cases.contactInitiator' },
  tasks: { kind: 'cases.taskKind' },
  gaps: { category: 'cases.needCategory' },
  documents: { kind: 'cases.documents.kind' },
  partners: { kind: 'network.partnerKind' },
  offers: { category: 'network.offerCategory', targetStatuses: 'cases.residenceKind' },
  consents: { howGiven: 'network.consentForm', sharedData: 'network.summary.field' },
  referrals: { status: 'network.status', direction: 'network.direction' },
};

export function valueLabel(field: string, value: unknown, table?: string): string {
  if (value === null || value === undefined || value === '') return t('sync.conflicts.emptyValue');
  if (typeof value === 'boolean') return value ? t('common.form.yes') : t('common.form.no');
  if (Array.isArray(value)) return value.map((item) => valueLabel(field, item, table)).join(', ');
  if (typeof value === 'string') {
    const group = table ? valueGroups[table]?.[field] : undefined;
    const groupKey = `${group}.${value}`;
    if (group && hasMessage(groupKey)) return t(groupKey);
    if (field === 'formLanguage' && isPersonTextLanguage(value))
      return personTextLanguageNames[value];
    if ((field === 'sourceTable' || field === 'table') && isTableName(value))
      return tableLabel(value);
    for (const catalogue of fieldCatalogues) {
      const key = `${catalogue}.${field}.${value}`;
      if (hasMessage(key)) return t(key);
    }
    if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return formatDay(value);
    if (/^\d{4}-\d{2}-\d{2}T/.test(value) && !Number.isNaN(Date.parse(value)))
      return formatDateTime(value);
    return value;
  }
  if (typeof value === 'number') return String(value);
  return JSON.stringify(value);
}

/** The wall-clock part of a hybrid logical clock ([C1]). */
export function hlcTime(hlc: string): string {
  const iso = hlc.slice(0, 24);
  return Number.isNaN(Date.parse(iso)) ? '' : formatDateTime(iso);
}
