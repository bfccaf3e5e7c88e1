// "Import": a team's caseload from a spreadsheet (issue 26), for coordinators (their team) and
// admins (the team they choose). Upload → the server's dry run (columns, then each row new,
// probably recorded already, or refused with row, column and the app's message) → confirm →
// the job runs in batches with a progress bar → it can be undone as a whole. The console keeps
// nothing: the dry run's rows are the uploader's own file, shown from the server's answer.
import { useEffect, useRef, useState } from 'preact/hooks';
import type { SessionUser } from '../../../shared/sync/protocol';
import type { ImportTarget, ColumnChoice } from '../../../shared/import/columns';
import { importTargets } from '../../../shared/import/columns';
import { fieldLabelOf } from '../../../shared/i18n/field-labels';
import { formatDateTime, formatDay } from '../../../shared/i18n/t';
import { renderKnown } from '../../../shared/i18n/message';
import { onlineRequest, type OnlineOutcome } from '../../features/session/online-request';
import { Button } from '../../ui/button';
import { FormAlert } from '../../ui/form-alert';
import { ct } from '../console-texts';
import { problem } from '../outcome-message';

interface RowProblem {
  column: string | null;
  code: string;
  params?: Record<string, string | number>;
  text: string;
}
interface RowOutcome {
  sheet: string;
  row: number;
  status: 'new' | 'duplicate' | 'refused' | 'unchanged';
  name: string;
  problems: RowProblem[];
  duplicateOf?:
    | { caseId: string; createdOn: string | null; assignedTo: string | null }
    | { row: number; sheet: string };
}
interface SheetPlan {
  name: string;
  headings: string[];
  choices: ColumnChoice[];
  headerRow: number | null;
}
interface Job {
  id: string;
  teamId: string;
  fileName: string;
  status: 'checked' | 'running' | 'done' | 'failed' | 'undone';
  createdAt: string;
  rowsDone: number;
  rowsTotal: number;
  counts: {
    new: number;
    duplicate: number;
    refused: number;
    unchanged: number;
    imported?: number;
  };
  sheets: SheetPlan[];
  rows?: RowOutcome[];
}
interface TeamRow {
  id: string;
  name: string;
}

const POLL_MS = 500;

function targetLabel(target: ImportTarget): string {
  if (target === 'cases.fullName') return ct('import.fullName');
  const [table, field] = target.split('.') as [string, string];
  const label = fieldLabelOf(table, field) ?? field;
  // A residence status's and a need's fields say whose they are ("Aufenthaltsstatus: Gültig bis").
  if (target === 'statuses.kind') return label;
  if (table === 'statuses') return `${fieldLabelOf('statuses', 'kind')}: ${label}`;
  if (table === 'needs') return `${fieldLabelOf('referrals', 'needId') ?? table}: ${label}`;
  return label;
}

export function ImportPage({ user }: { user: SessionUser }) {
  const [teams, setTeams] = useState<TeamRow[] | null>(null);
  const [teamId, setTeamId] = useState(user.team.id);
  const [file, setFile] = useState<File | null>(null);
  const [job, setJob] = useState<Job | null>(null);
  const [choices, setChoices] = useState<SheetPlan[]>([]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [history, setHistory] = useState<Job[]>([]);
  const fileInput = useRef<HTMLInputElement>(null);
  const teamQuery = `team=${encodeURIComponent(teamId)}`;

  useEffect(() => {
    if (user.role !== 'admin') return;
    void onlineRequest<{ teams: TeamRow[] }>('GET', '/api/admin/teams').then((outcome) => {
      if (outcome.ok) setTeams(outcome.value.teams);
    });
  }, [user.role]);

  const loadHistory = async () => {
    const outcome = await onlineRequest<{ jobs: Job[] }>('GET', `/api/import?${teamQuery}`);
    if (outcome.ok) setHistory(outcome.value.jobs.filter((j) => j.status !== 'checked'));
  };
  useEffect(() => {
    void loadHistory();
  }, [teamId]);

  // While a job runs: its progress every half second.
  useEffect(() => {
    if (job?.status !== 'running') return;
    const timer = setInterval(async () => {
      const outcome = await onlineRequest<{ job: Job }>(
        'GET',
        `/api/import/${job.id}?${teamQuery}`,
      );
      if (!outcome.ok) return;
      const next = outcome.value.job;
      setJob((current) => (current ? { ...next, rows: current.rows } : next));
      if (next.status === 'done')
        setNotice(ct('import.done', { count: next.counts.imported ?? 0 }));
      if (next.status === 'failed') setError(ct('import.failedRun'));
      if (next.status !== 'running') void loadHistory();
    }, POLL_MS);
    return () => clearInterval(timer);
  }, [job?.id, job?.status]);

  const answer = (outcome: OnlineOutcome<{ job: Job }>) => {
    setBusy(false);
    if (!outcome.ok) {
      setError(problem(outcome));
      return;
    }
    setJob(outcome.value.job);
    setChoices(outcome.value.job.sheets);
  };

  const check = async () => {
    setError(null);
    setNotice(null);
    if (!file) {
      setError(ct('import.noFile'));
      fileInput.current?.focus();
      return;
    }
    setBusy(true);
    const upload: typeof fetch = (url, init) =>
      fetch(url, {
        ...init,
        headers: { accept: 'application/json', 'content-type': 'application/octet-stream' },
        body: file,
      });
    answer(
      await onlineRequest<{ job: Job }>(
        'POST',
        `/api/import?${teamQuery}&fileName=${encodeURIComponent(file.name)}`,
        {},
        { fetch: upload },
      ),
    );
  };

  const recheck = async () => {
    if (!job) return;
    setBusy(true);
    setError(null);
    answer(
      await onlineRequest<{ job: Job }>('POST', `/api/import/${job.id}/mapping?${teamQuery}`, {
        sheets: choices.map(({ name, choices: c }) => ({ name, choices: c })),
      }),
    );
  };

  const run = async () => {
    if (!job) return;
    setBusy(true);
    setError(null);
    const outcome = await onlineRequest<{ job: Job }>(
      'POST',
      `/api/import/${job.id}/run?${teamQuery}`,
    );
    setBusy(false);
    if (!outcome.ok) return setError(problem(outcome));
    setJob({ ...outcome.value.job, rows: job.rows });
  };

  const discard = async () => {
    if (job?.status === 'checked')
      await onlineRequest('DELETE', `/api/import/${job.id}?${teamQuery}`);
    setJob(null);
    setFile(null);
    if (fileInput.current) fileInput.current.value = '';
  };

  const undo = async (id: string) => {
    if (!confirm(ct('import.undoConfirm'))) return;
    setError(null);
    const outcome = await onlineRequest<{ job: Job }>(
      'POST',
      `/api/import/${id}/undo?${teamQuery}`,
    );
    if (!outcome.ok) return setError(problem(outcome));
    setNotice(ct('import.undone'));
    if (job?.id === id) setJob(null);
    void loadHistory();
  };

  const rows = job?.rows ?? [];
  const refused = rows.filter((r) => r.status === 'refused');
  const duplicates = rows.filter((r) => r.status === 'duplicate');
  const fresh = rows.filter((r) => r.status === 'new');
  const where = (r: RowOutcome) =>
    job && job.sheets.length > 1
      ? `${ct('import.row', { row: r.row })} (${r.sheet})`
      : ct('import.row', { row: r.row });

  return (
    <div class="import">
      <h2>{ct('import.heading')}</h2>
      <p>{ct('import.intro')}</p>
      <FormAlert message={error} />
      {notice && (
        <p class="import__notice" role="status">
          {notice}
        </p>
      )}

      {!job && (
        <form
          class="import__upload"
          autoComplete="off"
          onSubmit={(event) => {
            event.preventDefault();
            void check();
          }}
        >
          {user.role === 'admin' && teams && (
            <div class="field">
              <label class="field__label" for="import-team">
                {ct('import.team')}
              </label>
              <select
                id="import-team"
                class="field__input"
                autoComplete="off"
                value={teamId}
                onChange={(event) => setTeamId((event.target as HTMLSelectElement).value)}
              >
                {teams.map((team) => (
                  <option key={team.id} value={team.id}>
                    {team.name}
                  </option>
                ))}
              </select>
            </div>
          )}
          <div class="field">
            <label class="field__label" for="import-file">
              {ct('import.file')}
            </label>
            <p class="field__hint" id="import-file-hint">
              {ct('import.fileHint')}
            </p>
            <input
              id="import-file"
              ref={fileInput}
              class="field__input import__file"
              type="file"
              autoComplete="off"
              accept=".xlsx,.csv,.txt,.tsv,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              aria-describedby="import-file-hint"
              onChange={(event) => setFile((event.target as HTMLInputElement).files?.[0] ?? null)}
            />
          </div>
          <Button type="submit" variant="primary" disabled={busy}>
            {busy ? ct('import.checking') : ct('import.check')}
          </Button>
        </form>
      )}

      {job && job.status === 'checked' && (
        <>
          <section class="import__section" aria-labelledby="import-columns">
            <h3 id="import-columns">{ct('import.columnsHeading')}</h3>
            <p>{ct('import.columnsIntro')}</p>
            {choices.map((sheet, s) =>
              sheet.headerRow === null ? (
                <p key={sheet.name}>{ct('import.sheetSkipped', { name: sheet.name })}</p>
              ) : (
                <fieldset key={sheet.name} class="import__columns">
                  <legend>{ct('import.sheet', { name: sheet.name, row: sheet.headerRow })}</legend>
                  {sheet.headings.map((heading, c) =>
                    heading ? (
                      <div class="field import__column" key={c}>
                        <label class="field__label" for={`col-${s}-${c}`}>
                          {heading}
                        </label>
                        <select
                          id={`col-${s}-${c}`}
                          class="field__input"
                          autoComplete="off"
                          value={sheet.choices[c]}
                          onChange={(event) => {
                            const value = (event.target as HTMLSelectElement).value as ColumnChoice;
                            setChoices(
                              choices.map((other, o) =>
                                o === s
                                  ? {
                                      ...other,
                                      choices: other.choices.map((x, i) => (i === c ? value : x)),
                                    }
                                  : other,
                              ),
                            );
                          }}
                        >
                          <option value="ignore">{ct('import.ignore')}</option>
                          {importTargets.map((target) => (
                            <option key={target} value={target}>
                              {targetLabel(target)}
                            </option>
                          ))}
                        </select>
                      </div>
                    ) : null,
                  )}
                </fieldset>
              ),
            )}
            <Button variant="secondary" disabled={busy} onClick={() => void recheck()}>
              {ct('import.recheck')}
            </Button>
          </section>

          <section class="import__section" aria-labelledby="import-result">
            <h3 id="import-result">{ct('import.resultHeading')}</h3>
            <ul class="import__counts">
              <li>
                <strong>{job.counts.new}</strong> {ct('import.countNew')}
              </li>
              <li>
                <strong>{job.counts.duplicate}</strong> {ct('import.countDuplicate')}
              </li>
              <li>
                <strong>{job.counts.refused}</strong> {ct('import.countRefused')}
              </li>
              {job.counts.unchanged > 0 && (
                <li>
                  <strong>{job.counts.unchanged}</strong> {ct('import.countUnchanged')}
                </li>
              )}
            </ul>
            {refused.length > 0 && (
              <details class="import__rows" open>
                <summary>
                  {ct('import.refusedHeading')} ({refused.length})
                </summary>
                <ul>
                  {refused.map((r) => (
                    <li key={`${r.sheet}-${r.row}`}>
                      <strong>{where(r)}</strong> {r.name}
                      <ul>
                        {r.problems.map((p, i) => (
                          <li key={i}>
                            {p.column && (
                              <span class="import__column-name">
                                {ct('import.column', { column: p.column })}:{' '}
                              </span>
                            )}
                            {renderKnown(p.code, p.params, p.text)}
                          </li>
                        ))}
                      </ul>
                    </li>
                  ))}
                </ul>
              </details>
            )}
            {duplicates.length > 0 && (
              <details class="import__rows" open>
                <summary>
                  {ct('import.duplicateHeading')} ({duplicates.length})
                </summary>
                <ul>
                  {duplicates.map((r) => (
                    <li key={`${r.sheet}-${r.row}`}>
                      <strong>{where(r)}</strong> {r.name}: {duplicateText(r)}
                    </li>
                  ))}
                </ul>
              </details>
            )}
            {fresh.length > 0 && (
              <details class="import__rows">
                <summary>
                  {ct('import.newHeading')} ({fresh.length})
                </summary>
                <ul>
                  {fresh.map((r) => (
                    <li key={`${r.sheet}-${r.row}`}>
                      <strong>{where(r)}</strong> {r.name}
                    </li>
                  ))}
                </ul>
              </details>
            )}
          </section>
          <div class="import__actions">
            {job.counts.new > 0 ? (
              <Button variant="primary" disabled={busy} onClick={() => void run()}>
                {ct('import.run', { count: job.counts.new })}
              </Button>
            ) : (
              <p>{ct('import.runNone')}</p>
            )}
            <Button variant="secondary" disabled={busy} onClick={() => void discard()}>
              {ct('import.discard')}
            </Button>
          </div>
        </>
      )}

      {job && job.status !== 'checked' && (
        <section class="import__section" aria-labelledby="import-progress">
          <h3 id="import-progress">{job.fileName}</h3>
          <label for="import-progress-bar">
            {ct('import.running', { done: job.rowsDone, total: job.rowsTotal })}
          </label>
          <progress
            id="import-progress-bar"
            class="import__progress"
            max={Math.max(job.rowsTotal, 1)}
            value={job.rowsDone}
          />
          {job.status !== 'running' && (
            <div class="import__actions">
              <Button variant="secondary" onClick={() => void discard()}>
                {ct('import.another')}
              </Button>
            </div>
          )}
        </section>
      )}

      <section class="import__section" aria-labelledby="import-history">
        <h3 id="import-history">{ct('import.historyHeading')}</h3>
        {history.length === 0 ? (
          <p>{ct('import.historyEmpty')}</p>
        ) : (
          <ul class="admin-list">
            {history.map((past) => (
              <li key={past.id}>
                <span>
                  {ct('import.historyLine', {
                    file: past.fileName,
                    date: formatDateTime(past.createdAt),
                    status: ct(`import.status.${past.status}`),
                  })}
                  {past.status === 'done' &&
                    ` · ${ct('import.imported', { count: past.counts.imported ?? 0 })}`}
                </span>
                {past.status === 'done' && (
                  <Button variant="secondary" onClick={() => void undo(past.id)}>
                    {ct('import.undo')}
                  </Button>
                )}
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}

function duplicateText(row: RowOutcome): string {
  const of = row.duplicateOf;
  if (!of) return ct('import.duplicateOfRow', { row: '?' });
  if ('row' in of) return ct('import.duplicateOfRow', { row: of.row });
  return [
    ct('import.duplicateOfCase'),
    of.createdOn ? ct('import.duplicateCreated', { date: formatDay(of.createdOn) }) : null,
    of.assignedTo ? ct('import.duplicateThm', { name: of.assignedTo }) : null,
  ]
    .filter(Boolean)
    .join(', ');
}
