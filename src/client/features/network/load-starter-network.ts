// Loads the starter list into the team's network: the partners not yet there, each with its
// example offers, in ONE transaction (all or nothing). The records are ordinary team data after.
import type { FeldakteDb } from '../../../local/db';
import { writeRecords, type RecordWrite } from '../../../local/write-record';
import { newRecordId } from '../../../shared/domain/record-id';
import {
  missingStarterPartners,
  starterNetwork,
  type StarterPartner,
} from '../../../shared/domain/starter-network';

export type StarterResult =
  { ok: true; partners: number; offers: number } | { ok: false; message: string };

export async function loadStarterNetwork(
  db: FeldakteDb,
  starter: readonly StarterPartner[] = starterNetwork,
  now = new Date(),
): Promise<StarterResult> {
  const missing = missingStarterPartners(await db.partners.toArray(), starter);
  const writes: RecordWrite[] = [];
  let offers = 0;
  for (const partner of missing) {
    const partnerId = newRecordId(now.getTime());
    writes.push({
      table: 'partners',
      id: partnerId,
      fields: { name: partner.name, kind: partner.kind, agreement: 'none' },
    });
    for (const offer of partner.offers) {
      offers += 1;
      writes.push({
        table: 'offers',
        fields: {
          partnerId,
          title: offer.title,
          category: offer.category,
          targetStatuses: [...offer.targetStatuses],
          language: offer.language ?? null,
          childcare: offer.childcare ?? null,
          travelCosts: offer.travelCosts ?? null,
          description: offer.description ?? null,
          active: true,
        },
      });
    }
  }
  if (writes.length === 0) return { ok: true, partners: 0, offers: 0 };
  const result = await writeRecords(db, writes, now);
  return result.ok
    ? { ok: true, partners: missing.length, offers }
    : { ok: false, message: result.message };
}
