// The outcome of a case conference: the minutes go into the appointment's notes; each agreed step
// becomes a follow-up task or the next step of one of the case's needs, all in ONE transaction.
import type { FeldakteDb } from './db';
import { writeRecords, type RecordWrite } from './write-record';
import { deviceNow } from './device-environment';

export type ConferenceStep =
  | { text: string; target: 'task'; dueOn: string }
  | { text: string; target: 'need'; needId: string };

export type OutcomeResult = { ok: true } | { ok: false; message: string; step: number | null };

export async function saveConferenceOutcome(
  db: FeldakteDb,
  input: {
    caseId: string;
    appointmentId: string;
    minutes: string | null;
    steps: readonly ConferenceStep[];
  },
  now = deviceNow(db),
): Promise<OutcomeResult> {
  const writes: RecordWrite[] = [
    { table: 'appointments', id: input.appointmentId, fields: { notes: input.minutes } },
  ];
  for (const step of input.steps) {
    writes.push(
      step.target === 'task'
        ? {
            table: 'tasks',
            fields: {
              caseId: input.caseId,
              title: step.text,
              dueOn: step.dueOn,
              kind: 'follow_up',
              sourceTable: 'appointments',
              sourceId: input.appointmentId,
            },
          }
        : { table: 'needs', id: step.needId, fields: { nextStep: step.text } },
    );
  }
  const result = await writeRecords(db, writes, now);
  if (result.ok) return { ok: true };
  return { ok: false, message: result.message, step: result.index > 0 ? result.index - 1 : null };
}
