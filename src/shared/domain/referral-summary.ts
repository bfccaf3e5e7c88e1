// The referral summary for a partner without an account: it shows only data the consent to share
// covers AND the THM picked. Everything else stays out, whatever the case holds.
import { sharedDataKinds, type Consent, type SharedDataKind } from './consent';

/** The data kinds the summary may show, in a fixed order. No consent, nothing. */
export function summaryDataKinds(
  consent: Pick<Consent, 'sharedData'> | undefined,
  picked: readonly SharedDataKind[],
): SharedDataKind[] {
  if (!consent) return [];
  const covered = new Set(consent.sharedData ?? []);
  return sharedDataKinds.filter((kind) => covered.has(kind) && picked.includes(kind));
}
