// The status buttons of an appointment: only the moves the shared machine allows from here.
// "Hat stattgefunden" opens the prefilled contact entry; cancellations and no-shows are final, so
// they ask once more; rescheduling opens its own page (it creates the new appointment).
import { useState } from 'preact/hooks';
import { useWriteAction } from '../../ui/write-action';
import { putRecord } from '../../../local/write-record';
import {
  allowedAppointmentTransitions,
  type Appointment,
  type AppointmentStatus,
} from '../../../shared/domain/appointment';
import { t } from '../../../shared/i18n/t';
import { useDb } from '../../state/session';
import { Button, LinkButton } from '../../ui/button';
import { FormAlert } from '../../ui/form-alert';
import { Section } from '../../ui/section';
import { Sheet } from '../../ui/sheet';
import { showToast } from '../../state/toast';
import { AttendedContactSheet } from './attended-contact-sheet';
import { actionLabel, statusLabel } from './labels';

type Target = Exclude<AppointmentStatus, 'proposed'>;

export function LifecycleActions({ appointment }: { appointment: Appointment }) {
  const db = useDb();
  const action = useWriteAction();
  const [confirming, setConfirming] = useState<Target | null>(null);
  const [contactOpen, setContactOpen] = useState(false);
  const targets = allowedAppointmentTransitions(appointment.status) as readonly Target[];

  const move = async (to: Target) => {
    setConfirming(null);
    const result = await action.run(() =>
      putRecord(db, 'appointments', appointment.id, { status: to }),
    );
    if (!result) return;
    showToast(statusLabel(to));
    if (to === 'attended' && appointment.caseId) setContactOpen(true);
  };

  return (
    <>
      {targets.length > 0 && (
        <Section title={t('appointments.detail.lifecycle')}>
          <FormAlert message={action.message} />
          <div class="form-actions">
            {targets.map((to) =>
              to === 'rescheduled' ? (
                <LinkButton key={to} href={`/termine/${appointment.id}/verschieben`} block>
                  {actionLabel(to)}
                </LinkButton>
              ) : (
                <Button
                  key={to}
                  block
                  variant={to === 'attended' || to === 'confirmed' ? 'primary' : 'secondary'}
                  disabled={action.busy}
                  onClick={() =>
                    to === 'attended' || to === 'confirmed' ? void move(to) : setConfirming(to)
                  }
                >
                  {actionLabel(to)}
                </Button>
              ),
            )}
          </div>
        </Section>
      )}
      <Sheet
        open={confirming !== null}
        title={confirming ? actionLabel(confirming) : ''}
        onClose={() => setConfirming(null)}
      >
        <div class="form-actions">
          <Button variant="danger" block onClick={() => confirming && void move(confirming)}>
            {confirming ? statusLabel(confirming) : ''}
          </Button>
          <Button variant="ghost" block onClick={() => setConfirming(null)}>
            {t('common.actions.cancel')}
          </Button>
        </div>
      </Sheet>
      <AttendedContactSheet
        appointment={{ ...appointment, status: 'attended' }}
        open={contactOpen}
        onClose={() => setContactOpen(false)}
      />
    </>
  );
}
