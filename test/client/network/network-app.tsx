// Renders the network's routes (plus a bare case page with the network's case sections) in a real
// preact-iso router, starting at `url`, with a signed-in user's database on fake-indexeddb.
import { configure, render } from '@testing-library/preact';
import { LocationProvider, Router, Route } from 'preact-iso';
import { act } from 'preact/test-utils';
import { networkRoutes } from '../../../src/client/features/network/routes';
import { CaseConsents } from '../../../src/client/features/network/case-consents';
import { CaseReferrals } from '../../../src/client/features/network/case-referrals';
import { CaseOfferHints } from '../../../src/client/features/network/case-offer-hints';
import { Toasts } from '../../../src/client/ui/toast';
import { createRecord } from '../../../src/local/write-record';
import type { FeldakteDb } from '../../../src/local/db';
import type { TableName } from '../../../src/shared/domain/tables';

// Screens load lazily and read Dexie live; under a busy parallel run that can take over a second.
configure({ asyncUtilTimeout: 5000 });

function CasePage({ caseId }: { caseId: string }) {
  return (
    <main>
      <CaseConsents caseId={caseId} />
      <CaseReferrals caseId={caseId} />
      <CaseOfferHints caseId={caseId} />
    </main>
  );
}

export function renderNetworkApp(url: string) {
  history.replaceState(null, '', url);
  return render(
    <LocationProvider>
      {/* The shell's page title (shell.tsx): where focus goes when the toast's button goes away. */}
      <h1 class="app-header__title" tabIndex={-1}>
        Feldakte
      </h1>
      <Router>
        {[
          ...networkRoutes.map((route) => (
            <Route key={route.path} path={route.path} component={route.component} />
          )),
          <Route key="case" path="/faelle/:caseId" component={CasePage} />,
        ]}
      </Router>
      <Toasts />
    </LocationProvider>,
  );
}

/** Writes a record through the app's write path; fails the test on a refused write. */
export async function seed(db: FeldakteDb, table: TableName, fields: Record<string, unknown>) {
  const result = await createRecord(db, table, fields as never);
  if (!result.ok) throw new Error(`${table}: ${result.message} ${JSON.stringify(result.errors)}`);
  return result.id;
}

/** A case with a partner, its offer and an open need: the usual start of a referral. */
export async function seedReferralScene(db: FeldakteDb) {
  const caseId = await seed(db, 'cases', {
    givenName: 'Amina',
    familyName: 'Haddad',
    status: 'active',
  });
  const partnerId = await seed(db, 'partners', {
    name: 'Nähwerkstatt e. V.',
    kind: 'club',
    agreement: 'none',
  });
  const offerId = await seed(db, 'offers', {
    partnerId,
    title: 'Nähkurs',
    targetStatuses: ['duldung'],
    places: 3,
  });
  const needId = await seed(db, 'needs', {
    caseId,
    category: 'leisure',
    description: 'Sinnvolle Freizeit',
    priority: 'medium',
    source: 'self',
    status: 'open',
  });
  return { caseId, partnerId, offerId, needId };
}

/** Picks an option as a browser does (testing-library's change event misses happy-dom listeners). */
export function choose(select: HTMLElement, value: string): void {
  act(() => {
    (select as HTMLSelectElement).value = value;
    select.dispatchEvent(new Event('change', { bubbles: true }));
  });
}
