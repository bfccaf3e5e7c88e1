// "Auskunft" (Art. 15): everything stored about the person as a printable page and a JSON file.
// From the server when online (with the change history); from this device otherwise, said so.
import { useEffect, useState } from 'preact/hooks';
import { fullName, type Case } from '../../../shared/domain/case';
import { formatDateTime, formatDay, hasMessage, t } from '../../../shared/i18n/t';
import { useDb, useSession } from '../../state/session';
import { Button } from '../../ui/button';
import { EmptyState } from '../../ui/empty-state';
import { usePageTitle } from '../../state/page-title';
import { downloadFile } from '../appointments/download-file';
import { fieldLabel, hlcTime, tableLabel, valueLabel } from '../sync/change-labels';
import { localCaseExport } from './local-export';
import { fetchCaseExport, type CaseExport } from './privacy-api';
import { HistoryList } from './history-list';
import { useTeamMembers } from '../team/use-team-members';
import { fieldLabels } from '../../../shared/i18n/field-labels';
import type { Task } from '../../../shared/domain/task';
import { taskTitle } from '../cases/task-title';
import './privacy.css';
import { documentsZip, withoutTechnicalFields } from '../documents/export-zip';
import { errorName } from '../../../shared/error-name';

type State =
  | { kind: 'loading' }
  | { kind: 'ready'; data: CaseExport; fromDevice: boolean }
  | { kind: 'missing'; message: string };

export function AccessExportPage({ id }: { id: string }) {
  usePageTitle(t('privacy.export.title'), `/faelle/${id}`);
  const db = useDb();
  const user = useSession((state) => state.user);
  const [state, setState] = useState<State>({ kind: 'loading' });
  const members = useTeamMembers(db);
  const [zipNote, setZipNote] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    void (async () => {
      const outcome = await fetchCaseExport(id);
      if (!live) return;
      if (outcome.ok) return setState({ kind: 'ready', data: outcome.value, fromDevice: false });
      if (outcome.kind === 'notFound')
        return setState({ kind: 'missing', message: t('privacy.export.notFound') });
      const local = await localCaseExport(db, id, {
        name: user?.name ?? '',
        team: user?.team.name ?? '',
      });
      if (!live) return;
      setState(
        local
          ? { kind: 'ready', data: local, fromDevice: true }
          : { kind: 'missing', message: t('cases.detail.notFound') },
      );
    })();
    return () => {
      live = false;
    };
  }, [db, id, user]);

  if (state.kind === 'loading') return <p class="hint">{t('privacy.export.loading')}</p>;
  if (state.kind === 'missing') return <EmptyState>{state.message}</EmptyState>;
  const { data, fromDevice } = state;
  const people = new Map((members ?? []).map((member) => [member.id, member.name]));
  if (user) people.set(user.id, user.name);
  const name = fullName(data.case as unknown as Case);
  const baseName = `auskunft-${data.case.id.slice(-12)}-${data.exportedAt.slice(0, 10)}`;
  const download = () =>
    downloadFile(
      `${baseName}.json`,
      JSON.stringify(withoutTechnicalFields(data), null, 2),
      'application/json',
    );
  const hasDocuments = (data.records.documents?.length ?? 0) > 0;
  const downloadZip = async () => {
    setZipNote(t('privacy.export.zipLoading'));
    try {
      const { blob, missing } = await documentsZip(db, data, `${baseName}.json`);
      const url = URL.createObjectURL(blob);
      const link = document.createElement('a');
      link.href = url;
      link.download = `${baseName}.zip`;
      link.rel = 'noopener';
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 0);
      setZipNote(
        missing.length > 0 ? t('privacy.export.zipMissing', { titles: missing.join(', ') }) : null,
      );
    } catch (error) {
      console.warn('Export ZIP failed', errorName(error));
      setZipNote(t('privacy.export.zipFailed'));
    }
  };

  return (
    <article class="export-doc">
      <p class="no-print">{t('privacy.export.intro')}</p>
      {fromDevice && <p class="privacy-banner no-print">{t('privacy.export.offline')}</p>}
      {zipNote && (
        <p class="hint no-print" role="status">
          {zipNote}
        </p>
      )}
      <div class="privacy-actions no-print">
        <Button variant="primary" onClick={() => window.print()}>
          {t('privacy.export.print')}
        </Button>
        <Button onClick={download}>{t('privacy.export.download')}</Button>
        {hasDocuments && (
          <Button onClick={() => void downloadZip()}>{t('privacy.export.downloadZip')}</Button>
        )}
      </div>
      <h2>
        {t('privacy.export.heading')}: {name}
      </h2>
      <p class="hint">
        {t('privacy.export.meta', {
          date: formatDateTime(data.exportedAt),
          name: data.exportedBy,
          team: data.team,
        })}
      </p>
      <h2>{t('privacy.export.person')}</h2>
      <ExportFacts table="cases" record={data.case} people={people} />
      {Object.entries(data.records).map(([table, rows]) => (
        <section key={table}>
          <h2>
            {tableLabel(table)} ({rows.length})
          </h2>
          {rows.map((row) => (
            <div class="record" key={row.id}>
              <ExportFacts table={table} record={row} people={people} />
            </div>
          ))}
        </section>
      ))}
      {data.partners.length > 0 && (
        <section>
          <h2>{t('privacy.export.partners')}</h2>
          <ul>
            {data.partners.map((partner) => (
              <li key={partner.id}>{partner.name}</li>
            ))}
          </ul>
        </section>
      )}
      <h2>{t('privacy.export.retention')}</h2>
      <p>
        {data.retention.retainUntil
          ? t('privacy.export.retainUntil', { date: formatDay(data.retention.retainUntil) })
          : t('privacy.export.openCase')}
      </p>
      {data.retention.extensions.map((extension) => (
        <p key={extension.at}>
          {t('privacy.export.extension', {
            at: formatDay(extension.at.slice(0, 10)),
            until: formatDay(extension.until),
            reason: extension.reason,
          })}
        </p>
      ))}
      <h2>{t('privacy.export.history')}</h2>
      {data.history.length === 0 ? (
        <p>{t('privacy.export.none')}</p>
      ) : (
        <HistoryList entries={data.history} names={new Map()} />
      )}
    </article>
  );
}

/** Fields that name a colleague by id: shown by name (the person learns who handles the case). */
const PERSON_FIELDS = new Set([
  'assignedTo',
  'coveredBy',
  'ownerId',
  'resolvedBy',
  'losingUserId',
  'keptUserId',
  'mergedBy',
  'undoneBy',
]);

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Fields that repeat another one in a form for the app: shown through it (tasks' title). */
const HIDDEN = new Set([
  'tasks.titleKey',
  'tasks.titleParams',
  // A document's file key, sealed thumbnail, file id and size are the app's (issue 25).
  'documents.fileKey',
  'documents.thumb',
  'documents.fileId',
  'documents.size',
]);

/** Every label from the field labels registry (German or English, never the stored key). */
function labelOf(table: string, field: string): string {
  return fieldLabel(table, field);
}

/**
 * A stored value in words: enum values by their label, colleagues by name, days and times in the
 * chosen language; a conflict's field, values and clocks as those of the field it is about.
 */
function valueOf(
  table: string,
  field: string,
  value: unknown,
  record: Record<string, unknown>,
  people: ReadonlyMap<string, string>,
): string {
  if (PERSON_FIELDS.has(field) && typeof value === 'string')
    return people.get(value) ?? t('team.unknownMember');
  if (table === 'conflicts') {
    const about = String(record.table);
    if (field === 'field' && typeof value === 'string') return fieldLabel(about, value);
    if (field === 'losingValue' || field === 'keptValue')
      return valueLabel(String(record.field), value, about);
    if ((field === 'losingHlc' || field === 'keptHlc') && typeof value === 'string')
      return hlcTime(value) || t('sync.conflicts.emptyValue');
    const resolution = `privacy.export.resolution.${String(value)}`;
    if (field === 'resolution' && hasMessage(resolution)) return t(resolution);
  }
  // A task the app made: its title in the chosen language (titleKey and titleParams are left out).
  if (table === 'tasks' && field === 'title' && typeof value === 'string')
    return taskTitle({
      title: value,
      titleKey: record.titleKey as string | undefined,
      titleParams: record.titleParams as Task['titleParams'],
    });
  if (table === 'merges') {
    // The fields taken from the merged case, its profile as it was, and the records moved.
    if (field === 'taken' && Array.isArray(value))
      return value.map((name) => fieldLabel('cases', String(name))).join(', ');
    if ((field === 'mergedCase' || field === 'keptBefore') && isPlainObject(value))
      return Object.entries(value)
        .filter(([key, item]) => key !== 'id' && item !== null && item !== '')
        .map(
          ([key, item]) =>
            `${fieldLabel('cases', key)}: ${valueOf('cases', key, item, value, people)}`,
        )
        .join('\n');
    if (field === 'moved' && Array.isArray(value)) {
      const counts = new Map<string, number>();
      for (const ref of value) {
        const label = tableLabel(String(ref).split('/')[0] ?? '');
        counts.set(label, (counts.get(label) ?? 0) + 1);
      }
      return [...counts].map(([label, count]) => `${label}: ${count}`).join(', ');
    }
  }
  const settingKey = `privacy.export.settingKey.${String(value)}`;
  if (table === 'settings' && field === 'key' && hasMessage(settingKey)) return t(settingKey);
  if (field === 'reminderMinutes' && typeof value === 'number')
    return t('appointments.form.reminderMinutes', { count: value });
  const placeKey = `appointments.place.${String(value)}`;
  if (table === 'appointments' && field === 'placeKind' && hasMessage(placeKey)) return t(placeKey);
  return valueLabel(field, value, table);
}

/** The fields of one record, labelled; ids and empty fields left out. */
export function ExportFacts({
  table,
  record,
  people,
}: {
  table: string;
  record: Record<string, unknown>;
  people: ReadonlyMap<string, string>;
}) {
  const entries = Object.entries(record).filter(
    ([key, value]) =>
      key !== 'id' &&
      !HIDDEN.has(`${table}.${key}`) &&
      (!key.endsWith('Id') || PERSON_FIELDS.has(key)) &&
      value !== null &&
      value !== '',
  );
  if (entries.length === 0) return <p>{t('privacy.export.none')}</p>;
  // In the registry's order (name first, then the rest as the forms show it), not as stored.
  const order = Object.keys(
    (fieldLabels as Record<string, Record<string, unknown> | undefined>)[table] ?? {},
  );
  const rank = (key: string) => (order.includes(key) ? order.indexOf(key) : order.length);
  entries.sort(([a], [b]) => rank(a) - rank(b));
  return (
    <dl>
      {entries.map(([key, value]) => (
        <>
          <dt key={`${key}-t`}>{labelOf(table, key)}</dt>
          <dd key={`${key}-d`} class="pre-line">
            {valueOf(table, key, value, record, people)}
          </dd>
        </>
      ))}
    </dl>
  );
}
