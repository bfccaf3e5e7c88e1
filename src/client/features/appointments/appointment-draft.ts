// What the appointment form edits: strings as the inputs hold them, converted to record fields on
// save. The record's rules (shared) decide what is valid; this only translates.
import type {
  Appointment,
  AppointmentMode,
  AppointmentPurpose,
  AppointmentStatus,
  PlaceKind,
} from '../../../shared/domain/appointment';
import { needsHygieneChecklist } from '../../../shared/domain/appointment-hygiene';
import { textOrNull } from '../../ui/form-values';
import { instantToLocalDate, instantToLocalTime, localToInstant } from './local-time';

export interface AppointmentDraft {
  caseId: string;
  purpose: AppointmentPurpose | '';
  title: string;
  headCount: string;
  date: string;
  start: string;
  end: string;
  mode: AppointmentMode;
  status: AppointmentStatus;
  placeKind: PlaceKind | '';
  address: string;
  videoLink: string;
  interpreter: boolean;
  interpreterLanguage: string;
  participantPartnerIds: string[];
  hygiene: Record<string, boolean>;
  reminderMinutes: string;
  notes: string;
}

export function emptyAppointmentDraft(date: string, caseId = ''): AppointmentDraft {
  return {
    caseId,
    purpose: caseId ? 'counselling' : '',
    title: '',
    headCount: '',
    date,
    start: '09:00',
    end: '10:00',
    mode: 'in_person',
    status: 'proposed',
    placeKind: 'office',
    address: '',
    videoLink: '',
    interpreter: false,
    interpreterLanguage: '',
    participantPartnerIds: [],
    hygiene: {},
    reminderMinutes: '30',
    notes: '',
  };
}

export function draftFromAppointment(a: Appointment): AppointmentDraft {
  return {
    caseId: a.caseId ?? '',
    purpose: a.purpose ?? '',
    title: a.title ?? '',
    headCount: typeof a.headCount === 'number' ? String(a.headCount) : '',
    date: instantToLocalDate(a.startsAt),
    start: instantToLocalTime(a.startsAt),
    end: instantToLocalTime(a.endsAt),
    mode: a.mode,
    status: a.status,
    placeKind: a.placeKind ?? '',
    address: a.address ?? '',
    videoLink: a.videoLink ?? '',
    interpreter: a.interpreter ?? false,
    interpreterLanguage: a.interpreterLanguage ?? '',
    participantPartnerIds: a.participantPartnerIds ?? [],
    hygiene: a.hygiene ?? {},
    reminderMinutes: typeof a.reminderMinutes === 'number' ? String(a.reminderMinutes) : '',
    notes: a.notes ?? '',
  };
}

/** Record fields; cleared inputs become `null` so the clearing syncs. */
export function draftToFields(d: AppointmentDraft): Omit<Appointment, 'id'> {
  const inPerson = needsHygieneChecklist(d);
  const number = (text: string) => (text.trim() === '' ? null : Number(text));
  return {
    caseId: d.caseId || null,
    purpose: d.purpose || null,
    title: textOrNull(d.title),
    headCount: d.caseId ? null : number(d.headCount),
    startsAt: localToInstant(d.date, d.start),
    endsAt: localToInstant(d.date, d.end),
    mode: d.mode,
    status: d.status,
    placeKind: inPerson ? d.placeKind || null : null,
    address: inPerson ? textOrNull(d.address) : null,
    videoLink: d.mode === 'video' ? textOrNull(d.videoLink) : null,
    interpreter: d.interpreter,
    interpreterLanguage: d.interpreter ? textOrNull(d.interpreterLanguage) : null,
    participantPartnerIds: d.purpose === 'case_conference' ? d.participantPartnerIds : null,
    hygiene: inPerson ? d.hygiene : null,
    reminderMinutes: number(d.reminderMinutes),
    notes: textOrNull(d.notes),
  };
}

/** Schema errors name record fields; the form shows start and end under its time inputs. */
export function formErrorKey(field: string): string {
  if (field === 'startsAt') return 'start';
  if (field === 'endsAt') return 'end';
  return field;
}
