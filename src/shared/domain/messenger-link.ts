// Reaching a young person: a `tel:` link, and a messenger link whose text never carries case
// content: only "please get in touch" or the time of an appointment. The messenger link is offered
// only with a valid messenger consent (the caller checks it with `findValidConsent`).
import type { Appointment } from './appointment';
import type { messengers } from './case';
import '../i18n/messages-behind-lock';
import { formatTime, formatWeekdayDay, t } from '../i18n/t';

type Messenger = (typeof messengers)[number];

/** The content-free text: the appointment time, or a plain request to get in touch. */
export function messengerText(appointment?: Pick<Appointment, 'startsAt'>): string {
  if (!appointment) return t('appointments.reach.callMeText');
  return t('appointments.reach.appointmentText', {
    day: formatWeekdayDay(appointment.startsAt),
    time: formatTime(appointment.startsAt),
  });
}

/**
 * International digits without `+` (E.164 body): `0176 123` -> `49176123`, `+43 …`/`0043 …` keep
 * their country. Numbers without a country code are German (the programme runs in NRW).
 */
export function internationalDigits(phone: string): string | null {
  const trimmed = phone.trim();
  const digits = trimmed.replace(/\D/g, '');
  if (!digits) return null;
  let international: string;
  if (trimmed.startsWith('+')) international = digits;
  else if (digits.startsWith('00')) international = digits.slice(2);
  else if (digits.startsWith('0')) international = `49${digits.slice(1)}`;
  else international = digits;
  return international.length >= 7 && international.length <= 15 ? international : null;
}

export function telLink(phone: string): string | null {
  const digits = internationalDigits(phone);
  return digits ? `tel:+${digits}` : null;
}

export interface MessengerLink {
  href: string;
  /** Whether the link pre-fills the text (otherwise the app opens on the chat only). */
  carriesText: boolean;
}

/**
 * WhatsApp opens the chat with the text; Signal opens the chat without text; the other messengers
 * have no link by phone number, so the caller falls back to `tel:`.
 */
export function messengerLink(
  messenger: Messenger | null | undefined,
  phone: string,
  text: string,
): MessengerLink | null {
  const digits = internationalDigits(phone);
  if (!digits) return null;
  if (messenger === 'whatsapp') {
    return { href: `https://wa.me/${digits}?text=${encodeURIComponent(text)}`, carriesText: true };
  }
  if (messenger === 'signal')
    return { href: `https://signal.me/#p/+${digits}`, carriesText: false };
  return null;
}
