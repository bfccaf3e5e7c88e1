// "/faelle/:caseId/fallkonferenz/:appointmentId": after a case conference, the minutes and the
// agreed next steps, each turned into a follow-up task or a need's next step.
import { useLocation } from 'preact-iso';
import { t } from '../../../shared/i18n/t';
import { addDays, toLocalDate } from '../../../shared/domain/common';
import { isOpenNeed, type Need } from '../../../shared/domain/need';
import type { Appointment } from '../../../shared/domain/appointment';
import { useDb } from '../../state/session';
import { useLiveQuery } from '../../ui/use-live-query';
import { usePageTitle } from '../../state/page-title';
import { DateField, SelectField, TextAreaField, TextField } from '../../ui/field';
import { Button } from '../../ui/button';
import { EmptyState } from '../../ui/empty-state';
import { FormAlert } from '../../ui/form-alert';
import { useDraftForm } from '../../ui/use-draft-form';
import { ConferenceConsentCheck } from './conference-consent-check';
import { needLabel } from './network-labels';
import { textOrNull } from '../../ui/form-values';
import { saveConferenceOutcome, type ConferenceStep } from '../../../local/save-conference-outcome';

interface StepDraft {
  text: string;
  target: string;
  dueOn: string;
}

export function ConferenceOutcome({
  caseId,
  appointmentId,
}: {
  caseId: string;
  appointmentId: string;
}) {
  const db = useDb();
  const { route } = useLocation();
  usePageTitle(t('network.conference.outcomeTitle'), `/faelle/${caseId}`);
  const data = useLiveQuery(async () => {
    const appointment = await db.appointments.get(appointmentId);
    if (!appointment || appointment.caseId !== caseId) return null;
    const needs = (await db.needs.where('caseId').equals(caseId).toArray()).filter((n) =>
      isOpenNeed(n.status),
    );
    return { appointment, needs };
  }, [db, caseId, appointmentId]);
  if (data === undefined) return null;
  if (data === null) return <EmptyState>{t('common.errors.notFound')}</EmptyState>;
  return (
    <OutcomeFields
      key={appointmentId}
      caseId={caseId}
      data={data}
      onSaved={() => route(`/faelle/${caseId}`)}
    />
  );
}

function OutcomeFields({
  caseId,
  data,
  onSaved,
}: {
  caseId: string;
  data: { appointment: Appointment; needs: Need[] };
  onSaved(): void;
}) {
  const db = useDb();
  const defaultDue = addDays(toLocalDate(new Date()), 7);
  const { draft, field, set, message, formProps } = useDraftForm({
    initial: {
      minutes: data.appointment.notes ?? '',
      steps: [{ text: '', target: 'task', dueOn: defaultDue }] as StepDraft[],
    },
    save: ({ minutes, steps }) =>
      saveConferenceOutcome(db, {
        caseId,
        appointmentId: data.appointment.id,
        minutes: textOrNull(minutes),
        steps: steps
          .filter((s) => s.text.trim())
          .map((s): ConferenceStep =>
            s.target === 'task'
              ? { text: s.text.trim(), target: 'task', dueOn: s.dueOn }
              : { text: s.text.trim(), target: 'need', needId: s.target },
          ),
      }),
    savedMessage: t('network.conference.saved'),
    onSaved: () => onSaved(),
  });
  const steps = draft.steps;
  const targets = [
    { value: 'task', label: t('network.conference.asTask') },
    ...data.needs.map((n) => ({
      value: n.id,
      label: `${t('network.conference.asNeed')}: ${needLabel(n)}`,
    })),
  ];
  const update = (index: number, patch: Partial<StepDraft>) =>
    set(
      'steps',
      steps.map((step, i) => (i === index ? { ...step, ...patch } : step)),
    );

  return (
    <form class="form" {...formProps}>
      <ConferenceConsentCheck
        caseId={caseId}
        partnerIds={data.appointment.participantPartnerIds ?? []}
      />
      <FormAlert message={message} />
      <TextAreaField {...field('minutes')} label={t('network.conference.minutes')} rows={6} />
      <fieldset class="checks">
        <legend>{t('network.conference.steps')}</legend>
        {steps.map((step, index) => (
          <div key={index} class="card">
            <TextField
              name={`step-${index}`}
              label={`${t('network.conference.step')} ${index + 1}`}
              value={step.text}
              onValue={(text) => update(index, { text })}
            />
            <SelectField
              name={`step-${index}-target`}
              label={t('network.conference.stepTarget')}
              value={step.target}
              onValue={(target) => update(index, { target })}
              options={targets}
              allowEmpty={false}
            />
            {step.target === 'task' && (
              <DateField
                name={`step-${index}-due`}
                label={t('network.conference.dueOn')}
                value={step.dueOn}
                onValue={(dueOn) => update(index, { dueOn })}
              />
            )}
          </div>
        ))}
        <Button
          onClick={() => set('steps', [...steps, { text: '', target: 'task', dueOn: defaultDue }])}
        >
          {t('network.conference.addStep')}
        </Button>
      </fieldset>
      <Button type="submit" variant="primary" block>
        {t('network.conference.saveOutcome')}
      </Button>
    </form>
  );
}
