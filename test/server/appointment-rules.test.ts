// The appointment rules run on the server too ([R2], [P5]): an appointment whose end is before its
// start, or a status change the machine does not allow, is rejected with a German reason and
// nothing of it is stored.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  newRecordId,
  startTestServer,
  tick,
  type Member,
  type PushMutation,
  type PushResponse,
  type TestServer,
} from '../support/server-harness';

let server: TestServer;
let thm: Member;
let nextMutation = 1;

beforeAll(async () => {
  server = await startTestServer();
  thm = await server.member('Team Termine');
});
afterAll(() => server.close());

function put(recordId: string, fields: Record<string, unknown>): PushMutation {
  return {
    id: nextMutation++,
    table: 'appointments',
    recordId,
    op: 'put',
    fields,
    hlc: tick(thm),
    baseCursor: 0,
  };
}

async function push(mutation: PushMutation) {
  const response = await server.push(thm, [mutation]);
  expect(response.statusCode).toBe(200);
  return response.json<PushResponse>().results[0]!;
}

async function stored(id: string) {
  const all = await server.pullAll(thm);
  return all.changes.filter((c) => c.table === 'appointments' && c.id === id).at(-1)?.fields;
}

const plan = {
  startsAt: '2030-05-06T09:00:00.000Z',
  endsAt: '2030-05-06T10:00:00.000Z',
  mode: 'phone',
  status: 'proposed',
  title: 'Sprechstunde',
};

describe('appointment rules on the server', () => {
  it('refuses an appointment whose end is before its start, and stores nothing', async () => {
    const id = newRecordId();
    const result = await push(put(id, { ...plan, endsAt: '2030-05-06T08:00:00.000Z' }));
    expect(result.status).toBe('rejected');
    expect(result.reason).toContain('Das Ende liegt vor dem Beginn.');
    expect(await stored(id)).toBeUndefined();
  });

  it('follows the status machine: proposed -> confirmed -> attended, never back', async () => {
    const id = newRecordId();
    expect((await push(put(id, plan))).status).toBe('applied');

    const skipped = await push(put(id, { status: 'attended' }));
    expect(skipped).toMatchObject({
      status: 'rejected',
      reason: 'Dieser Statuswechsel ist für den Termin nicht möglich.',
    });
    expect((await stored(id))?.status).toBe('proposed');

    expect((await push(put(id, { status: 'confirmed' }))).status).toBe('applied');
    expect((await push(put(id, { status: 'attended' }))).status).toBe('applied');
    expect((await push(put(id, { status: 'confirmed' }))).status).toBe('rejected');
    expect((await stored(id))?.status).toBe('attended');
  });

  it('refuses "rescheduled" without the link to the new appointment', async () => {
    const id = newRecordId();
    await push(put(id, plan));
    const result = await push(put(id, { status: 'rescheduled' }));
    expect(result).toMatchObject({
      status: 'rejected',
      reason: 'Ein verschobener Termin braucht den neuen Termin.',
    });
  });
});
