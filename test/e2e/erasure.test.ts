// Issue 12 end to end (SPEC [X1]-[X4]): phone A erases a person; phone B, offline at the time with
// an edit of that person pending, loses the record at its next sync and sees its edit refused.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTwoPhones, type TwoPhones } from '../support/e2e-team';
import { goto, outboxCount, setOffline, syncChip, syncNow } from '../support/e2e-browser';

const within = { timeout: 30_000, interval: 100 };
let team: TwoPhones | undefined;

beforeAll(async () => {
  team = await startTwoPhones();
});

afterAll(async () => {
  await team?.close();
});

describe('erasing a person (Art. 17)', () => {
  it('reaches the phone that was offline: the record goes, its pending edit is refused', async () => {
    const { phoneA, phoneB } = team!;
    const a = phoneA.page;
    const b = phoneB.page;

    await goto(a, '/faelle/neu');
    await a.getByLabel('Vorname').fill('Amina');
    await a.getByLabel('Nachname').fill('Zaraghani');
    await a.getByRole('button', { name: 'Speichern' }).click();
    await a.waitForURL(/\/faelle\/[0-9a-f-]{36}$/);
    const caseUrl = new URL(a.url()).pathname;
    await syncNow(a);

    await syncNow(b);
    await goto(b, caseUrl);
    await b.getByText('Zaraghani').first().waitFor();

    // Phone B goes offline and edits the person.
    await setOffline(phoneB, true);
    await goto(b, `${caseUrl}/bearbeiten`);
    await b.getByLabel('Telefon', { exact: false }).first().fill('0171 5550123');
    await b.getByRole('button', { name: 'Speichern' }).click();
    await b.waitForURL((target) => target.pathname === caseUrl);
    expect(await outboxCount(b)).toBe(1);

    // Phone A erases: a reason and the typed confirmation.
    await goto(a, caseUrl);
    await a.getByRole('link', { name: /Person löschen/ }).click();
    await a.waitForURL(`**${caseUrl}/loeschen`);
    await a.getByRole('button', { name: 'Endgültig löschen' }).click();
    await a.getByText('Bitte einen Grund für die Löschung angeben.').waitFor();
    await a.getByLabel('Grund der Löschung').fill('Antrag der Person vom 3. März');
    await a.getByLabel(/Zur Bestätigung/).fill('löschen');
    await a.getByRole('button', { name: 'Endgültig löschen' }).click();
    await a.waitForURL((target) => target.pathname === '/faelle');
    await a.getByText(/Die Person wurde gelöscht \(gelöschte Einträge: 1\)/).waitFor();
    expect(await a.getByText('Zaraghani').count()).toBe(0);

    // Phone B comes back and syncs: the edit is refused, the person is gone.
    await setOffline(phoneB, false);
    await syncChip(b).click();
    await b.getByRole('button', { name: 'Jetzt synchronisieren' }).click();
    await expect.poll(() => outboxCount(b), within).toBe(0);
    await goto(b, '/mehr/abgelehnt');
    const card = b.getByRole('article').first();
    await expect.poll(() => card.textContent(), within).toContain('Diese Person wurde gelöscht');
    expect(await card.textContent()).not.toContain('0171 5550123');
    await goto(b, '/faelle');
    await b.getByRole('navigation').waitFor();
    await expect.poll(() => b.getByText('Zaraghani').count(), within).toBe(0);
    await goto(b, caseUrl);
    await b
      .getByText('Diesen Fall gibt es auf diesem Gerät nicht', { exact: false })
      .first()
      .waitFor();
  });
});
