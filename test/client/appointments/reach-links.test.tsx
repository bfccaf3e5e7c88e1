import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen } from '@testing-library/preact';
import { ReachLinks } from '../../../src/client/features/appointments/reach-links';
import { toLocalDate } from '../../../src/shared/domain/common';
import { signIn, signOut, write, writeCase } from './appointment-fixtures';

afterEach(() => {
  cleanup();
  signOut();
});

const today = toLocalDate(new Date());

describe('reaching the person', () => {
  it('offers a call, and no messenger button without a messenger consent', async () => {
    const { db } = signIn();
    const caseId = await writeCase(db, { phone: '0176 1234567', messenger: 'whatsapp' });
    await write(db, 'consents', { caseId, purpose: 'store_data', givenOn: today });
    render(<ReachLinks caseId={caseId} />);
    expect((await screen.findByRole('link', { name: 'Anrufen' })).getAttribute('href')).toBe(
      'tel:+491761234567',
    );
    expect(screen.queryByRole('link', { name: /WhatsApp/ })).toBeNull();
  });

  it('offers WhatsApp with a content-free text once the consent is valid', async () => {
    const { db } = signIn();
    const caseId = await writeCase(db, { phone: '0176 1234567', messenger: 'whatsapp' });
    await write(db, 'consents', { caseId, purpose: 'messenger', givenOn: today });
    render(<ReachLinks caseId={caseId} />);
    const link = await screen.findByRole('link', { name: 'Nachricht per WhatsApp' });
    const href = link.getAttribute('href')!;
    expect(href).toBe('https://wa.me/491761234567?text=Bitte%20melden%20Sie%20sich%20bei%20mir.');
    expect(decodeURIComponent(href)).not.toMatch(/Amina|Yousef/);
  });

  it('hides the messenger button again after the consent is withdrawn', async () => {
    const { db } = signIn();
    const caseId = await writeCase(db, { phone: '0176 1234567', messenger: 'whatsapp' });
    await write(db, 'consents', {
      caseId,
      purpose: 'messenger',
      givenOn: '2024-01-10',
      withdrawnOn: today,
    });
    render(<ReachLinks caseId={caseId} />);
    await screen.findByRole('link', { name: 'Anrufen' });
    expect(screen.queryByRole('link', { name: /WhatsApp/ })).toBeNull();
  });

  it('falls back to the call for a messenger without a link by number', async () => {
    const { db } = signIn();
    const caseId = await writeCase(db, { phone: '0176 1234567', messenger: 'telegram' });
    await write(db, 'consents', { caseId, purpose: 'messenger', givenOn: today });
    render(<ReachLinks caseId={caseId} />);
    await screen.findByRole('link', { name: 'Anrufen' });
    expect(screen.getAllByRole('link')).toHaveLength(1);
  });
});
