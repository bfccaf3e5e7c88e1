// What test/e2e/profile-on-disk.test.ts types into the app: one filler per form, each typing
// marker strings into every text control of its form and saving it the way a THM does. The test
// then searches every file of the Chromium profile for the markers ([K7], [K1]).
//
// To cover more (document bytes, a new form): add a filler to `profileFillers`. A filler gets the
// page (signed in, unlocked) and the ids made by the fillers before it, and returns every marker
// it made the app hold: typed text, or bytes it handed over (a file's content). Markers come from
// `ctx.marker()` (or `ctx.digits()` for number-only fields), so every one is distinctive.
import type { Page } from 'playwright-core';

export interface FillContext {
  page: Page;
  /** Ids made by earlier fillers: caseId, partnerId, appointmentId, ... */
  ids: Record<string, string>;
  /** A new marker: letters and digits no file of a profile holds by chance. */
  marker(): string;
  /** A new marker of digits only (phone numbers), nine digits. */
  digits(): string;
}

export interface ProfileFiller {
  /** The form, as the issue names it. */
  name: string;
  fill(ctx: FillContext): Promise<string[]>;
}

/** In-app navigation as a link tap does it (pushState), so the key stays in memory. */
export async function navigate(page: Page, path: string): Promise<void> {
  await page.evaluate((to) => {
    history.pushState(null, '', to);
    dispatchEvent(new PopStateEvent('popstate'));
  }, path);
}

/**
 * Types a marker into every visible text control of the page's main form (inputs of kind text,
 * tel, email, search and url; textareas), in the shape each field accepts. Dates, times, numbers,
 * choices are left to the filler. Returns the markers typed.
 */
export async function typeMarkers(ctx: FillContext, form = ctx.page.locator('main form')) {
  const markers: string[] = [];
  const controls = form.locator('input:visible, textarea:visible');
  const count = await controls.count();
  for (let index = 0; index < count; index++) {
    const control = controls.nth(index);
    const tag = await control.evaluate((element) => element.tagName.toLowerCase());
    const type = tag === 'textarea' ? 'textarea' : ((await control.getAttribute('type')) ?? 'text');
    const placeholder = await control.getAttribute('placeholder');
    if (type === 'tel') {
      const digits = ctx.digits();
      await control.fill(`0176 ${digits}`);
      markers.push(digits);
    } else if (type === 'email') {
      const marker = ctx.marker();
      await control.fill(`${marker}@example.org`);
      markers.push(marker);
    } else if (placeholder === 'https://') {
      const marker = ctx.marker();
      await control.fill(`https://${marker}.example.org/raum`);
      markers.push(marker);
    } else if (['text', 'search', 'textarea'].includes(type)) {
      const marker = ctx.marker();
      await control.fill(marker);
      markers.push(marker);
    }
  }
  return markers;
}

/** Picks the first real option of a select (by its label). */
async function chooseFirst(page: Page, label: string | RegExp): Promise<void> {
  const select = page.getByLabel(label);
  const value = await select.evaluate(
    (element) => [...(element as HTMLSelectElement).options].find((option) => option.value)!.value,
  );
  await select.selectOption(value);
}

/** Saves the main form and waits until the app has left it (or shows `until`). */
async function save(page: Page, until: () => Promise<unknown>): Promise<void> {
  await page.locator('main form button[type="submit"]').last().click();
  await until();
}

const idFrom = (page: Page, pattern: RegExp) => pattern.exec(new URL(page.url()).pathname)![1]!;

export const profileFillers: ProfileFiller[] = [
  {
    name: 'case',
    async fill(ctx) {
      const { page } = ctx;
      await navigate(page, '/faelle/neu');
      await page.getByLabel(/^Vorname/).waitFor();
      await page.locator('main details summary').click();
      await page.getByLabel('Braucht Dolmetschung').check();
      const markers = await typeMarkers(ctx);
      // The birth date is personal and encrypted; Chromium would keep it as its ISO text.
      const birth = '2001-07-19';
      await page.getByLabel('Geburtsdatum').fill(birth);
      await chooseFirst(page, 'Geschlecht');
      await chooseFirst(page, /^Messenger/);
      await save(page, () => page.waitForURL(/\/faelle\/[0-9a-f-]{36}$/));
      ctx.ids.caseId = idFrom(page, /\/faelle\/([0-9a-f-]{36})$/);
      return [...markers, birth];
    },
  },
  {
    name: 'profile',
    async fill(ctx) {
      const { page, ids } = ctx;
      await navigate(page, `/faelle/${ids.caseId}/bearbeiten`);
      await page.getByLabel(/^Vorname/).waitFor();
      const markers = await typeMarkers(ctx);
      await save(page, () => page.waitForURL(new RegExp(`/faelle/${ids.caseId}$`)));
      return markers;
    },
  },
  {
    name: 'needs',
    async fill(ctx) {
      const { page, ids } = ctx;
      await navigate(page, `/faelle/${ids.caseId}/bedarfe/neu`);
      await chooseFirst(page, /^Bereich/);
      const markers = await typeMarkers(ctx);
      await save(page, () => page.waitForURL(new RegExp(`/faelle/${ids.caseId}$`)));
      return markers;
    },
  },
  {
    name: 'status',
    async fill(ctx) {
      const { page, ids } = ctx;
      await navigate(page, `/faelle/${ids.caseId}/aufenthalt/neu`);
      await chooseFirst(page, /^Art/);
      const markers = await typeMarkers(ctx);
      await save(page, () => page.waitForURL(new RegExp(`/faelle/${ids.caseId}$`)));
      return markers;
    },
  },
  {
    name: 'contact',
    async fill(ctx) {
      const { page, ids } = ctx;
      await navigate(page, `/faelle/${ids.caseId}`);
      const form = page.locator('main form.card');
      await form.getByRole('radio').first().check();
      const markers = await typeMarkers(ctx, form);
      await form.locator('button[type="submit"]').click();
      await page.getByText(markers[0]!).first().waitFor();
      return markers;
    },
  },
  {
    name: 'partner',
    async fill(ctx) {
      const { page } = ctx;
      await navigate(page, '/netzwerk/neu');
      await chooseFirst(page, /^Art/);
      const markers = await typeMarkers(ctx);
      await save(page, () => page.waitForURL(/\/netzwerk\/[0-9a-f-]{36}$/));
      ctx.ids.partnerId = idFrom(page, /\/netzwerk\/([0-9a-f-]{36})$/);
      return markers;
    },
  },
  {
    name: 'consent',
    async fill(ctx) {
      const { page, ids } = ctx;
      await navigate(page, `/faelle/${ids.caseId}/einwilligungen/neu?partner=${ids.partnerId}`);
      await page.getByLabel(/^Zweck/).waitFor();
      const markers = await typeMarkers(ctx);
      await save(page, () => page.waitForURL(new RegExp(`/faelle/${ids.caseId}$`)));
      // The case conference below needs the person's consent to one with this partner.
      await navigate(
        page,
        `/faelle/${ids.caseId}/einwilligungen/neu?partner=${ids.partnerId}&zweck=case_conference`,
      );
      await page.getByLabel(/^Zweck/).waitFor();
      const more = await typeMarkers(ctx);
      await save(page, () => page.waitForURL(new RegExp(`/faelle/${ids.caseId}$`)));
      return [...markers, ...more];
    },
  },
  {
    name: 'referral',
    async fill(ctx) {
      const { page, ids } = ctx;
      await navigate(page, `/faelle/${ids.caseId}/vermittlungen/neu`);
      await page.getByLabel(/^Partner/).selectOption(ids.partnerId!);
      const markers = await typeMarkers(ctx);
      await save(page, () => page.waitForURL(/\/vermittlungen\/[0-9a-f-]{36}$/));
      return markers;
    },
  },
  {
    name: 'gap',
    async fill(ctx) {
      const { page } = ctx;
      await navigate(page, '/luecken/neu');
      await chooseFirst(page, /^Bereich/);
      const markers = await typeMarkers(ctx);
      await save(page, () => page.waitForURL(/\/luecken$/));
      return markers;
    },
  },
  {
    name: 'appointment',
    async fill(ctx) {
      const { page, ids } = ctx;
      await navigate(page, `/termine/neu?fall=${ids.caseId}`);
      await page.getByLabel(/^Anlass/).selectOption('case_conference');
      await page.getByRole('checkbox', { name: /^Dolmetschung/ }).check();
      await page.locator('main fieldset').getByRole('checkbox').first().check();
      const markers = await typeMarkers(ctx);
      await save(page, () => page.waitForURL(/\/termine\/[0-9a-f-]{36}$/));
      ctx.ids.appointmentId = idFrom(page, /\/termine\/([0-9a-f-]{36})$/);
      return markers;
    },
  },
  {
    name: 'conference',
    async fill(ctx) {
      const { page, ids } = ctx;
      await navigate(page, `/faelle/${ids.caseId}/fallkonferenz/${ids.appointmentId}`);
      await page.locator('main form textarea').first().waitFor();
      const markers = await typeMarkers(ctx);
      await save(page, () => page.waitForURL((url) => !url.pathname.includes('/fallkonferenz/')));
      return markers;
    },
  },
];
