// A closed case can be reopened (to "aktiv") until its retention date; the rule says why not after.
import { useWriteAction } from '../../ui/write-action';
import { putRecord } from '../../../local/write-record';
import { caseStatusChange, type Case } from '../../../shared/domain/case';
import { toLocalDate } from '../../../shared/domain/common';
import { t } from '../../../shared/i18n/t';
import { renderMessage } from '../../../shared/i18n/message';
import { useDb } from '../../state/session';
import { Button } from '../../ui/button';
import { FormAlert } from '../../ui/form-alert';
import { showToast } from '../../state/toast';

export function ReopenCaseButton({ record }: { record: Case }) {
  const db = useDb();
  const action = useWriteAction();
  const reopen = async () => {
    const change = caseStatusChange(record, 'active', toLocalDate(new Date()));
    if (!change.ok) return action.refuse(renderMessage(change.reason));
    const result = await action.run(() => putRecord(db, 'cases', record.id, change.fields));
    if (result) showToast(t('common.form.saved'));
  };
  return (
    <>
      <FormAlert message={action.message} />
      <Button variant="primary" block disabled={action.busy} onClick={() => void reopen()}>
        {t('cases.detail.reopen')}
      </Button>
    </>
  );
}
