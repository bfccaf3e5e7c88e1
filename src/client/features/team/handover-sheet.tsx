// Handing a case to a colleague, or having it covered during an absence (Vertretung), chosen from
// the team's members on the device (names only). The rules are case-ownership.ts; this renders
// and writes through the one write path, showing a refused write where it happened.
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
import { showToast } from '../../state/toast';
import { refused, useDraftForm } from '../../ui/use-draft-form';
import { writeFailureMessage } from '../../../local/write-failure';
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
  const today = toLocalDate(new Date());
  // The person in charge is never offered (a handover to them changes nothing).
  const choices = (members ?? []).filter((m) => m.active && m.id !== record.assignedTo);
  const { draft, field, set, refuse, reset, message, formProps } = useDraftForm({
    initial: { kind: 'handover' as Kind, to: '', coveredUntil: '' },
    save: async ({ kind, to, coveredUntil }) => {
      if (!to) return refused(null, { to: t('team.handover.chooseMember') });
      if (kind === 'handover') return putRecord(db, 'cases', record.id, handoverFields(record, to));
      const problem = coverProblem(record, to, coveredUntil || null, today);
      if (problem === 'self') return refused(null, { to: t('team.handover.self') });
      if (problem === 'past') return refused(null, { coveredUntil: t('team.handover.past') });
      return putRecord(db, 'cases', record.id, coverFields(to, coveredUntil || null));
    },
    savedMessage: null,
    onSaved: (_result, { kind, to }) => {
      const name = memberName(members, to, me);
      showToast(
        kind === 'handover'
          ? t('team.handover.handedOver', { name })
          : t('team.handover.coverSet', { name }),
      );
      close();
    },
  });
  const kind = draft.kind;

  const close = () => {
    reset();
    onClose();
  };

  /** Ending a cover is one tap, outside the form's draft; its failure shows at the same form. */
  const endCover = async () => {
    try {
      const result = await putRecord(db, 'cases', record.id, endCoverFields);
      if (!result.ok) return refuse(result.message, result.errors);
      showToast(t('team.handover.coverEnded'));
      close();
    } catch (error) {
      refuse(writeFailureMessage(error));
    }
  };

  return (
    <Sheet open={open} title={t('team.handover.title')} onClose={close}>
      <form {...formProps}>
        <FormAlert message={message} />
        <ChipChoice
          legend={t('team.handover.kind')}
          name="handoverKind"
          value={kind}
          options={[
            { value: 'handover', label: t('team.handover.handover') },
            { value: 'cover', label: t('team.handover.cover') },
          ]}
          onValue={(value) => set('kind', value as Kind)}
        />
        <p class="hint">
          {kind === 'handover' ? t('team.handover.handoverHint') : t('team.handover.coverHint')}
        </p>
        {choices.length === 0 ? (
          <p class="notice notice--warning">{t('team.handover.noColleagues')}</p>
        ) : (
          <ChipChoice
            legend={t('team.handover.to')}
            {...field('to')}
            options={choices.map((m) => ({
              value: m.id,
              label: m.id === me ? `${m.name} (${t('team.me')})` : m.name,
            }))}
          />
        )}
        {kind === 'cover' && (
          <DateField
            {...field('coveredUntil')}
            label={t('team.handover.until')}
            hint={t('team.handover.untilHint')}
            min={today}
          />
        )}
        <div class="form-actions">
          <Button type="submit" variant="primary" block disabled={choices.length === 0}>
            {kind === 'handover'
              ? t('team.handover.confirmHandover')
              : t('team.handover.confirmCover')}
          </Button>
          {record.coveredBy && (
            <Button block onClick={() => void endCover()}>
              {t('team.handover.endCover')}
            </Button>
          )}
        </div>
      </form>
    </Sheet>
  );
}
