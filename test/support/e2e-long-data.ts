// A case load written to break layouts: the longest German words, names and places a THM meets,
// pushed through the real sync endpoint like a phone would. Used by the 320/360 px layout test.
import { newRecordId } from '../../src/shared/domain/record-id';
import { formatHlc } from '../../src/shared/sync/hlc';
import { SCHEMA_VERSION, type Mutation, type PushResponse } from '../../src/shared/sync/protocol';
import { sessionCookie } from './e2e-seed';
import type { E2eServer } from './e2e-server';

export interface LongDataIds {
  caseId: string;
  /** The same person recorded a second time, in other spellings (issue 26: the merge screens). */
  twinCaseId: string;
  statusId: string;
  needId: string;
  appointmentId: string;
  conferenceId: string;
  partnerId: string;
  offerId: string;
  referralId: string;
}

const day = (offset: number) =>
  new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
const at = (offsetHours: number) => new Date(Date.now() + offsetHours * 3_600_000).toISOString();

export const LONG_AUTHORITY =
  'Ausländerbehörde des Kreises Siegen-Wittgenstein, Zentrale Ausländerbehörde Unna';
export const LONG_FAMILY_NAME = 'Abdulrahmanzadeh-Mohammadkhani';

export async function seedLongData(server: E2eServer, email: string): Promise<LongDataIds> {
  const ids: LongDataIds = {
    caseId: newRecordId(),
    twinCaseId: newRecordId(),
    statusId: newRecordId(),
    needId: newRecordId(),
    appointmentId: newRecordId(),
    conferenceId: newRecordId(),
    partnerId: newRecordId(),
    offerId: newRecordId(),
    referralId: newRecordId(),
  };
  const records: [Mutation['table'], string, Record<string, unknown>][] = [
    [
      'partners',
      ids.partnerId,
      {
        name: 'Berufsbildungswerk Arbeitsmarktintegrationsberatungsstelle Nordrhein-Westfalen',
        kind: 'training_provider',
        contactPerson: 'Friederike Hohenzollern-Sigmaringen',
        phone: '+49 (0) 251 12345678-901',
        email: 'arbeitsmarktintegrationsberatung@berufsbildungswerk-nordrhein-westfalen.example',
        address: 'Industriestraße 1234, Gebäudeteil Nordflügel, 48149 Münster-Gievenbeck',
        agreement: 'in_place',
        agreementOn: day(-400),
      },
    ],
    [
      'offers',
      ids.offerId,
      {
        partnerId: ids.partnerId,
        title: 'Berufsorientierungsmaßnahme Ausbildungsvorbereitungsjahr Fahrzeuglackierer',
        category: 'training',
        targetStatuses: ['duldung', 'gestattung'],
        places: 12,
        waitlist: 3,
        childcare: true,
        travelCosts: true,
        language: 'Deutsch, Arabisch, Dari, Tigrinya',
        description:
          'Rechtsverbindlichkeitsvoraussetzungen und Ausbildungsplatzvermittlungsangebot',
        active: true,
      },
    ],
    [
      'cases',
      ids.caseId,
      {
        givenName: 'Mohammadreza Abdulkarim',
        familyName: LONG_FAMILY_NAME,
        otherNames: ['Mohammad-Reza Abdolkarim', 'Mohamadreza Abdulkareem'],
        birthDate: '2000-05-29',
        countryOfOrigin: 'Demokratische Bundesrepublik Äthiopien',
        languages: 'Tigrinya, Arabisch, Amharisch, Englisch, Deutsch',
        germanLevel: 'A2',
        phone: '+49 (0) 1573 12345678',
        email: 'mohammadreza.abdulrahmanzadeh-mohammadkhani@beispiel-mail.example',
        shelter: 'Zentrale Unterbringungseinrichtung Bielefeld-Sennestadt',
        address: 'Wohnungslosenunterkunft Kirchstraße 12, Hinterhaus, 33689 Bielefeld-Sennestadt',
        workHistory: 'Kraftfahrzeugmechatronikergehilfe, Landwirtschaftsarbeiter',
        skills: 'Schweißerprüfungsbescheinigung, Staplerführerschein',
        status: 'active',
        createdOn: day(-300),
      },
    ],
    [
      'cases',
      ids.twinCaseId,
      {
        givenName: 'Mohamadreza Abdolkarim',
        familyName: 'Abdolrahmanzadeh-Mohammadkhani',
        birthDate: '2000-05-29',
        countryOfOrigin: 'Föderale Demokratische Republik Äthiopien',
        phone: '+49 (0) 1577 98765432',
        shelter: 'Landeserstaufnahmeeinrichtung Bochum-Wattenscheid, Gebäude Nordflügel',
        literacy: 'both',
        schooling: 'secondary_abroad',
        status: 'inquiry',
        createdOn: day(-20),
      },
    ],
    [
      'statuses',
      ids.statusId,
      {
        caseId: ids.caseId,
        kind: 'duldung',
        issuedOn: day(-100),
        validUntil: day(20),
        workPermission: 'with_approval',
        authority: LONG_AUTHORITY,
        evidence: 'document_seen',
        note: 'Beschäftigungsduldungsvoraussetzungen werden geprüft',
      },
    ],
    [
      'needs',
      ids.needId,
      {
        caseId: ids.caseId,
        category: 'recognition',
        description: 'Anerkennungsverfahren Berufsqualifikationsfeststellungsgesetz',
        priority: 'high',
        goal: 'Eine Ausbildung als Kraftfahrzeugmechatroniker beginnen',
        nextStep: 'Zeugnisanerkennungsantrag bei der Bezirksregierung Düsseldorf',
        nextStepBy: 'thm',
        source: 'self',
        reviewOn: day(14),
        status: 'open',
      },
    ],
    [
      'appointments',
      ids.appointmentId,
      {
        caseId: ids.caseId,
        startsAt: at(2),
        endsAt: at(3),
        mode: 'in_person',
        status: 'confirmed',
        purpose: 'accompaniment',
        title: 'Begleitung zur Ausländerbehörde Aufenthaltserlaubnisverlängerung',
        placeKind: 'partner',
        address: 'Ausländerbehörde, Niederwall 23, Raum 1.234, 33602 Bielefeld-Mitte',
        interpreter: true,
        interpreterLanguage: 'Tigrinya',
        reminderMinutes: 60,
        notes: 'Reisepassersatzpapierbeschaffungsnachweis mitbringen',
      },
    ],
    [
      'appointments',
      ids.conferenceId,
      {
        caseId: ids.caseId,
        startsAt: at(26),
        endsAt: at(27),
        mode: 'video',
        status: 'confirmed',
        purpose: 'case_conference',
        title: 'Fallkonferenz Ausbildungsduldungsperspektive',
        videoLink: 'https://video.example/konferenz/ausbildungsduldungsperspektive-2026',
        participantPartnerIds: [ids.partnerId],
      },
    ],
    [
      'contacts',
      newRecordId(),
      {
        caseId: ids.caseId,
        at: at(-5),
        channel: 'messenger',
        initiatedBy: 'client',
        durationMinutes: 25,
        summary:
          'Rückfrage zur Arbeitserlaubnisbeantragung; Bundesagenturzustimmungsverfahren erklärt.',
      },
    ],
    [
      'consents',
      newRecordId(),
      {
        caseId: ids.caseId,
        purpose: 'share_with_partner',
        partnerId: ids.partnerId,
        givenOn: day(-30),
        validUntil: day(300),
        formLanguage: 'Tigrinya',
        textVersion: '2025-01',
        howGiven: 'written',
        sharedData: ['name', 'contact', 'reason', 'residence'],
      },
    ],
    [
      'referrals',
      ids.referralId,
      {
        caseId: ids.caseId,
        partnerId: ids.partnerId,
        direction: 'out',
        status: 'draft',
        offerId: ids.offerId,
        needId: ids.needId,
        reason: 'Ausbildungsplatzsuche im Kraftfahrzeugmechatronikerhandwerk',
        followUpOn: day(10),
      },
    ],
    [
      'tasks',
      newRecordId(),
      {
        caseId: ids.caseId,
        title: 'Aufenthaltserlaubnisverlängerungsantrag Unterlagenvollständigkeitsprüfung',
        dueOn: day(0),
        kind: 'deadline',
      },
    ],
    [
      'tasks',
      newRecordId(),
      {
        title: 'Netzwerktreffen Integrationsfachdienstkoordinierung',
        dueOn: day(-2),
        kind: 'follow_up',
      },
    ],
    [
      'gaps',
      newRecordId(),
      {
        category: 'housing',
        description: 'Wohnraumvermittlungsangebote für Alleinstehende fehlen',
        date: day(-1),
      },
    ],
  ];
  const cookie = await sessionCookie(server, email);
  // The case is the signed-in THM's own, as "Neuer Fall" makes it (so it shows under "Meine").
  const me = (await (await fetch(`${server.url}/api/session`, { headers: { cookie } })).json()) as {
    user: { id: string };
  };
  const caseRecord = records.find(([table]) => table === 'cases')!;
  caseRecord[2].assignedTo = me.user.id;
  const clientId = newRecordId();
  const base = Date.now() - 60_000;
  const mutations: Mutation[] = records.map(([table, recordId, fields], index) => ({
    id: index + 1,
    table,
    recordId,
    op: 'put',
    fields,
    hlc: formatHlc({ ms: base + index, counter: 0, node: clientId }),
    baseCursor: 0,
  }));
  const response = await fetch(`${server.url}/api/sync/push`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie },
    body: JSON.stringify({ clientId, schemaVersion: SCHEMA_VERSION, mutations }),
  });
  if (!response.ok) throw new Error(`long-data push failed: ${response.status}`);
  const result = (await response.json()) as PushResponse;
  const rejected = result.results.find((item) => item.status === 'rejected');
  if (rejected) throw new Error(`long-data record rejected: ${rejected.reason}`);
  return ids;
}

/**
 * A colleague's concurrent edit of the case's phone number, so the conflict list has a card: the
 * colleague pushes without having seen the first write (baseCursor 0) and with the newer clock,
 * so the first writer's value loses and becomes her conflict.
 */
export async function seedConflict(
  server: E2eServer,
  email: string,
  caseId: string,
): Promise<void> {
  const clientId = newRecordId();
  const cookie = await sessionCookie(server, email);
  const mutation: Mutation = {
    id: 1,
    table: 'cases',
    recordId: caseId,
    op: 'put',
    fields: { phone: '0521 98765432' },
    hlc: formatHlc({ ms: Date.now(), counter: 0, node: clientId }),
    baseCursor: 0,
  };
  const response = await fetch(`${server.url}/api/sync/push`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie },
    body: JSON.stringify({ clientId, schemaVersion: SCHEMA_VERSION, mutations: [mutation] }),
  });
  if (!response.ok) throw new Error(`conflict push failed: ${response.status}`);
  const result = (await response.json()) as PushResponse;
  if (result.results[0]?.status !== 'applied') throw new Error('the colleague’s edit was refused');
}
