// Labels for the appointment enums. Template-literal keys are checked by the compiler: an enum
// value without a catalogue entry fails the type check.
import type {
  AppointmentMode,
  AppointmentPurpose,
  AppointmentStatus,
  PlaceKind,
} from '../../../shared/domain/appointment';
import { isDefaultHygieneItem } from '../../../shared/domain/setting';
import { t } from '../../../shared/i18n/t';
import type { PillTone } from '../../ui/status-pill';

export const modeLabel = (mode: AppointmentMode) => t(`appointments.mode.${mode}`);
export const statusLabel = (status: AppointmentStatus) => t(`appointments.status.${status}`);
export const purposeLabel = (purpose: AppointmentPurpose) => t(`appointments.purpose.${purpose}`);
export const placeLabel = (place: PlaceKind) => t(`appointments.place.${place}`);
export const actionLabel = (to: Exclude<AppointmentStatus, 'proposed'>) =>
  t(`appointments.action.${to}`);

/** Default items have catalogue labels; items the team added are their own label. */
export const hygieneItemLabel = (item: string) =>
  isDefaultHygieneItem(item) ? t(`appointments.hygieneItem.${item}`) : item;

export function reminderLabel(minutes: number): string {
  if (minutes === 0) return t('appointments.form.reminderAtStart');
  if (minutes === 1440) return t('appointments.form.reminderDay');
  if (minutes === 60) return t('appointments.form.reminderHour');
  if (minutes >= 60 && minutes % 60 === 0) {
    return t('appointments.form.reminderHours', { count: minutes / 60 });
  }
  return t('appointments.form.reminderMinutes', { count: minutes });
}

export const statusTone: Record<AppointmentStatus, PillTone> = {
  proposed: 'info',
  confirmed: 'success',
  attended: 'muted',
  no_show: 'warning',
  cancelled_client: 'muted',
  cancelled_thm: 'muted',
  rescheduled: 'muted',
};
