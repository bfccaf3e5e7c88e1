import { describe, expect, it } from 'vitest';
import {
  internationalDigits,
  messengerLink,
  messengerText,
  telLink,
} from '../../src/shared/domain/messenger-link';

describe('phone numbers for tel: and messenger links', () => {
  it.each([
    ['0176 1234567', '491761234567'],
    ['+49 (176) 123-4567', '491761234567'],
    ['0049 176 1234567', '491761234567'],
    ['+43 660 1234567', '436601234567'],
    ['abc', null],
    ['12', null],
  ])('%s -> %s', (phone, digits) => {
    expect(internationalDigits(phone)).toBe(digits);
  });

  it('calls with an international tel: link', () => {
    expect(telLink('0176 1234567')).toBe('tel:+491761234567');
  });
});

describe('messenger link', () => {
  it('opens WhatsApp with the content-free text', () => {
    const text = messengerText();
    expect(text).toBe('Bitte melden Sie sich bei mir.');
    expect(messengerLink('whatsapp', '0176 1234567', text)).toEqual({
      href: 'https://wa.me/491761234567?text=Bitte%20melden%20Sie%20sich%20bei%20mir.',
      carriesText: true,
    });
  });

  it('names only the time of an appointment', () => {
    const text = messengerText({ startsAt: new Date(2025, 2, 14, 9, 30).toISOString() });
    expect(text).toBe('Unser Termin: Freitag, 14. März, 09:30 Uhr.');
  });

  it('opens Signal on the chat without text', () => {
    expect(messengerLink('signal', '0176 1234567', 'x')).toEqual({
      href: 'https://signal.me/#p/+491761234567',
      carriesText: false,
    });
  });

  it.each(['telegram', 'threema', 'other', null] as const)(
    'offers no link for %s (the caller falls back to tel:)',
    (messenger) => {
      expect(messengerLink(messenger, '0176 1234567', 'x')).toBeNull();
    },
  );
});
