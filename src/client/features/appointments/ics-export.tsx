// Calendar export of one appointment or a week. Initials by default; full names (and a home
// address) only after the THM ticks the box for this export.
import { useState } from 'preact/hooks';
import type { Appointment } from '../../../shared/domain/appointment';
import { appointmentsToIcs, type IcsLabels } from '../../../shared/domain/appointment-ics';
import { t } from '../../../shared/i18n/t';
import { Button } from '../../ui/button';
import { CheckboxField } from '../../ui/field';
import { downloadFile } from './download-file';
import { modeLabel, placeLabel, purposeLabel } from './labels';
import type { CasePerson } from './use-appointments-between';

export interface IcsExportProps {
  appointments: readonly Appointment[];
  people: ReadonlyMap<string, CasePerson>;
  label: string;
  fileName: string;
}

export function icsLabels(): IcsLabels {
  return {
    purpose: purposeLabel,
    mode: modeLabel,
    place: placeLabel,
    appointment: t('appointments.ics.appointment'),
    alarm: t('appointments.ics.alarm'),
    interpreter: (language) => t('appointments.ics.interpreter', { language }),
  };
}

export function IcsExport({ appointments, people, label, fileName }: IcsExportProps) {
  const [withNames, setWithNames] = useState(false);
  const onExport = () => {
    const ics = appointmentsToIcs(appointments, {
      labels: icsLabels(),
      people,
      withNames,
      now: new Date(),
    });
    downloadFile(fileName, ics, 'text/calendar;charset=utf-8');
  };
  return (
    <div class="card">
      <CheckboxField
        name="icsWithNames"
        label={t('appointments.ics.withNames')}
        checked={withNames}
        onValue={setWithNames}
      />
      <p class="hint">{t('appointments.ics.withNamesHint')}</p>
      <Button block onClick={onExport}>
        {label}
      </Button>
    </div>
  );
}
