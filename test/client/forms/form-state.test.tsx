// [K7] in the rendered DOM: the case form (both folds open) and the appointment form with every
// conditional part shown carry autocomplete="off" on the form and on every control, so Chromium
// keeps none of their values for session restore. (The house test checks the source; the e2e
// test/e2e/profile-on-disk.test.ts checks a real profile's files.)
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, screen } from '@testing-library/preact';
import * as cases from '../cases/case-fixtures';
import * as appointments from '../appointments/appointment-fixtures';

afterEach(() => {
  cleanup();
  cases.signOut();
});

/** Every control of the page that would let Chromium keep its value. */
function keptControls(): string[] {
  const controls = [...document.querySelectorAll('form, input, textarea, select')];
  expect(controls.length).toBeGreaterThan(10);
  return controls
    .filter((control) => control.getAttribute('autocomplete') !== 'off')
    .map((control) => `${control.tagName.toLowerCase()} ${control.getAttribute('name') ?? ''}`);
}

describe('[K7] forms keep no value in the browser', () => {
  it('the case form: the form and all its controls', async () => {
    cases.signIn();
    cases.renderAt('/faelle/neu');
    await screen.findByLabelText(/^Vorname/);
    for (const details of document.querySelectorAll('details')) details.open = true;
    fireEvent.click(screen.getByLabelText('Braucht Dolmetschung'));
    await screen.findByLabelText('Sprache für Dolmetschung');
    expect(keptControls()).toEqual([]);
  });

  it('the appointment form: with a group event, video, interpreter and case conference shown', async () => {
    appointments.signIn();
    appointments.renderAt('/termine/neu?datum=2030-05-06');
    const purpose = await screen.findByLabelText(/^Anlass/);
    appointments.choose(purpose, 'case_conference');
    fireEvent.click(screen.getByRole('checkbox', { name: /Dolmetschung/ }));
    expect(keptControls()).toEqual([]);
    fireEvent.click(screen.getByRole('radio', { name: 'Video' }));
    await screen.findByLabelText(/Video-Link/);
    expect(keptControls()).toEqual([]);
  });
});
