// Handing a case to a colleague, or having it covered during an absence (Vertretung), chosen from
// the team's members on the device (names only). The rules are case-ownership.ts; this renders
// and writes through the one write path, showing a refused write where it happened.
import { useState } from 'preact/hooks';
import { putRecord } from '../../../local/write-record';
import type { Case } from '../../../shared/domain/case';
import {
  coverFields,
  coverProblem,
  endCoverFields,
  handoverFields,
} from '../../../shared/domain/case-ownership';
import { toLocalDate } from '../../../shared/domain/common';
import { t } from '../../../shared/i18n/t';
import { useDb, useSession } from '../../state/session';
import { Button } from '../../ui/button';
import { ChipChoice } from '../../ui/chips';
import { DateField } from '../../ui/field';
import { FormAlert } from '../../ui/form-alert';
import { Sheet } from '../../ui/sheet';
import { showToast } from '../../ui/toast';
import { useFormFeedback } from '../../ui/use-form-feedback';
import { memberName, useTeamMembers } from './use-team-members';

type Kind = 'handover' | 'cover';

export function HandoverSheet({
  record,
  open,
  onClose,
}: {
  record: Case;
  open: boolean;
  onClose(): void;
}) {
  const db = useDb();
  const me = useSession((state) => state.user?.id);
  const members = useTeamMembers(db);
  const [kind, setKind] = useState<Kind>('handover');
  const [to, setTo] = useState('');
  const [until, setUntil] = useState('');
  const { errors, setErrors, message, setMessage, form } = useFormFeedback();
  const today = toLocalDate(new Date());
  // The person in charge is never offered (a handover to them changes nothing).
  const choices = (members ?? []).filter((m) => m.active && m.id !== record.assignedTo);

  const close = () => {
    setTo('');
    setUntil('');
    setErrors({});
    setMessage(null);
    onClose();
  };

  const write = async (fields: Partial<Case>, done: string) => {
    const result = await putRecord(db, 'cases', record.id, fields);
    if (!result.ok) {
      setMessage(result.message);
      return setErrors(result.errors);
    }
    showToast(done);
    close();
  };

  const onSubmit = async (event: Event) => {
    event.preventDefault();
    if (!to) return setErrors({ to: t('team.handover.chooseMember') });
    const name = memberName(members, to, me);
    if (kind === 'handover') {
      return write(handoverFields(record, to), t('team.handover.handedOver', { name }));
    }
    const problem = coverProblem(record, to, until || null, today);
    if (problem === 'self') return setErrors({ to: t('team.handover.self') });
    if (problem === 'past') return setErrors({ coveredUntil: t('team.handover.past') });
    return write(coverFields(to, until || null), t('team.handover.coverSet', { name }));
  };

  return (
    <Sheet open={open} title={t('team.handover.title')} onClose={close}>
      <form ref={form} onSubmit={onSubmit} noValidate>
        <FormAlert message={message} />
        <ChipChoice
          legend={t('team.handover.kind')}
          name="handoverKind"
          value={kind}
          options={[
            { value: 'handover', label: t('team.handover.handover') },
            { value: 'cover', label: t('team.handover.cover') },
          ]}
          onValue={(value) => {
            setKind(value as Kind);
            setErrors({});
          }}
        />
        <p class="hint">
          {kind === 'handover' ? t('team.handover.handoverHint') : t('team.handover.coverHint')}
        </p>
        {choices.length === 0 ? (
          <p class="notice notice--warning">{t('team.handover.noColleagues')}</p>
        ) : (
          <ChipChoice
            legend={t('team.handover.to')}
            name="to"
            value={to}
            options={choices.map((m) => ({
              value: m.id,
              label: m.id === me ? `${m.name} (${t('team.me')})` : m.name,
            }))}
            error={errors.to}
            onValue={(value) => {
              setTo(value);
              setErrors({});
            }}
          />
        )}
        {kind === 'cover' && (
          <DateField
            name="coveredUntil"
            label={t('team.handover.until')}
            hint={t('team.handover.untilHint')}
            min={today}
            value={until}
            error={errors.coveredUntil}
            onValue={setUntil}
          />
        )}
        <div class="form-actions">
          <Button type="submit" variant="primary" block disabled={choices.length === 0}>
            {kind === 'handover'
              ? t('team.handover.confirmHandover')
              : t('team.handover.confirmCover')}
          </Button>
          {record.coveredBy && (
            <Button block onClick={() => void write(endCoverFields, t('team.handover.coverEnded'))}>
              {t('team.handover.endCover')}
            </Button>
          )}
        </div>
      </form>
    </Sheet>
  );
}
