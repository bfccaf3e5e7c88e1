// Issue 13 item 7: the server speaks in message keys. Every refusal carries `code` (a key of the
// shared catalogues, with German and English text) and `params` beside the German `message` that
// other clients show; a sync rejection carries `code`/`params` beside its German `reason`, also
// when the push is replayed ([P3]).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  newRecordId,
  startTestServer,
  tick,
  validCase,
  type Member,
  type PushMutation,
  type PushResponse,
  type TestServer,
} from '../support/server-harness';
import { messages } from '../../src/server/http/api-error';
import { isMessageKey } from '../../src/shared/i18n/message';
import { de } from '../../src/shared/i18n/messages';
import { en } from '../../src/shared/i18n/messages-en';
import { SCHEMA_VERSION, type ApiError } from '../../src/shared/sync/protocol';
import { HLC_MAX_LENGTH } from '../../src/shared/sync/hlc';

function leaf(tree: unknown, key: string): string | undefined {
  let node = tree;
  for (const part of key.split('.')) node = (node as Record<string, unknown> | undefined)?.[part];
  return typeof node === 'string' ? node : undefined;
}

function serverSources(dir = 'src/server'): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return serverSources(path);
    return path.endsWith('.ts') ? [path] : [];
  });
}

describe('server error codes', () => {
  it('every code the server uses has a German and an English text', () => {
    const codes = new Set<string>();
    for (const file of serverSources()) {
      for (const m of readFileSync(file, 'utf8').matchAll(/'((?:rules|server)\.[\w.]+)'/g)) {
        codes.add(m[1]!);
      }
    }
    for (const value of Object.values(messages)) {
      codes.add(typeof value === 'function' ? value(1).key : value.key);
    }
    expect(codes.size).toBeGreaterThan(40);
    const missing = [...codes].filter(
      (code) => !isMessageKey(code) || !leaf(de, code)?.trim() || !leaf(en, code)?.trim(),
    );
    expect(missing).toEqual([]);
  });

  it('no refusal outside the admin CLI channel is a German-only sentence', () => {
    const germanOnly = serverSources()
      .filter((file) => !file.endsWith('cli/admin-channel.ts'))
      .flatMap((file) =>
        [...readFileSync(file, 'utf8').matchAll(/new HttpError\(\s*\d+,\s*'\w+',\s*[`'"]/g)].map(
          () => file,
        ),
      );
    expect(germanOnly).toEqual([]);
  });
});

describe('server answers', () => {
  let server: TestServer;
  let thm: Member;
  let nextMutation = 1;

  beforeAll(async () => {
    server = await startTestServer();
    thm = await server.member('Team Codes');
  });
  afterAll(() => server.close());

  const put = (table: string, recordId: string, fields: Record<string, unknown>): PushMutation => ({
    id: nextMutation++,
    table: table as never,
    recordId,
    op: 'put',
    fields,
    hlc: tick(thm),
    baseCursor: 0,
  });

  it('[P11] an API error has error, code and the German message', async () => {
    const response = await server.app.inject({
      method: 'POST',
      url: '/api/sync/push',
      payload: { clientId: thm.clientId, schemaVersion: SCHEMA_VERSION, mutations: [] },
    });
    expect(response.statusCode).toBe(401);
    expect(response.json<ApiError>()).toEqual({
      error: 'not_signed_in',
      code: 'server.session.notSignedIn',
      message: 'Bitte melden Sie sich an.',
    });
  });

  it('a refused request names the rule as a key with params, and in German', async () => {
    const refused = { ...put('cases', newRecordId(), validCase()), hlc: 'x'.repeat(500) };
    nextMutation -= 1; // a refused request stores nothing: the next push starts at the same id
    const response = await server.push(thm, [refused]);
    expect(response.statusCode).toBe(400);
    const body = response.json<ApiError>();
    expect(body.code).toBe('server.api.badRequestField');
    expect(body.params).toEqual({
      why: 'rules.validation.invalidClock',
      max: HLC_MAX_LENGTH,
      field: 'mutations.0.hlc',
    });
    expect(body.message).toMatch(
      /^Die Anfrage ist ungültig\. Ungültige Uhrzeit \(hlc\) \(mutations\.0\.hlc\)\.$/,
    );
  });

  it('[P11] a sync rejection carries code and params beside the German reason, also on replay', async () => {
    const caseId = newRecordId();
    const mutation = put('cases', caseId, { ...validCase(), givenName: 'x'.repeat(201) });
    const first = (await server.push(thm, [mutation])).json<PushResponse>().results[0]!;
    expect(first).toMatchObject({
      status: 'rejected',
      reason: 'Bitte höchstens 200 Zeichen eingeben',
      code: 'rules.validation.maxLength',
      params: { max: 200 },
    });
    const replay = (await server.push(thm, [mutation])).json<PushResponse>().results[0]!;
    expect(replay).toMatchObject({
      status: 'rejected',
      reason: first.reason,
      code: first.code,
      params: first.params,
    });
  });

  it('a table rule refusal comes as a key beside its German reason', async () => {
    const caseId = newRecordId();
    const results = (
      await server.push(thm, [
        put('cases', caseId, validCase()),
        put('statuses', newRecordId(), {
          caseId,
          kind: 'duldung',
          issuedOn: '2025-03-01',
          validUntil: '2025-02-01',
        }),
      ])
    ).json<PushResponse>().results;
    expect(results[1]).toMatchObject({
      status: 'rejected',
      reason: 'Das Ablaufdatum liegt vor dem Ausstellungsdatum.',
      code: 'rules.statuses.expiryBeforeIssue',
    });
  });

  it('[P11] a member of a refused group names the refusal of the member that failed', async () => {
    const groupId = newRecordId();
    const caseId = newRecordId();
    const results = (
      await server.push(thm, [
        { ...put('cases', caseId, validCase()), groupId },
        {
          ...put('tasks', newRecordId(), {
            caseId,
            title: '',
            dueOn: '2025-03-01',
            kind: 'follow_up',
          }),
          groupId,
        },
      ])
    ).json<PushResponse>().results;
    expect(results[1]).toMatchObject({ status: 'rejected', code: 'rules.tasks.title' });
    expect(results[0]).toMatchObject({
      status: 'rejected',
      code: 'server.sync.groupRefused',
      params: { why: 'rules.tasks.title' },
      reason:
        'Gehört zu einer Änderung, die nur zusammen gespeichert wird: Bitte beschreiben, was zu tun ist',
    });
  });
});
