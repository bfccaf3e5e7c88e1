// "Mehr" > Automatisch sperren: 1 to 30 minutes without use (default 5), and "Jetzt sperren".
import { useState } from 'preact/hooks';
import { t } from '../../../shared/i18n/t';
import {
  MAX_AUTO_LOCK_MINUTES,
  MIN_AUTO_LOCK_MINUTES,
  readAutoLockMinutes,
  writeAutoLockMinutes,
} from '../../state/auto-lock';
import { useSession } from '../../state/session';
import { Button } from '../../ui/button';
import { SelectField } from '../../ui/field';
import { Section } from '../../ui/section';

const CHOICES = [1, 2, 3, 5, 10, 15, 20, 30].filter(
  (minutes) => minutes >= MIN_AUTO_LOCK_MINUTES && minutes <= MAX_AUTO_LOCK_MINUTES,
);

export function AutoLockSection() {
  const [minutes, setMinutes] = useState(readAutoLockMinutes);
  return (
    <Section title={t('lock.autoLock.title')}>
      <SelectField
        name="auto-lock-minutes"
        label={t('lock.autoLock.label')}
        hint={t('lock.autoLock.hint')}
        allowEmpty={false}
        value={String(minutes)}
        options={CHOICES.map((value) => ({
          value: String(value),
          label: t('lock.autoLock.minutes', { count: value }),
        }))}
        onValue={(value) => {
          writeAutoLockMinutes(Number(value));
          setMinutes(readAutoLockMinutes());
        }}
      />
      <Button onClick={() => useSession.getState().lock()}>{t('lock.screen.lockNow')}</Button>
    </Section>
  );
}
