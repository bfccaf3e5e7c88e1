// A closed case can be reopened (to "aktiv") until its retention date; the rule says why not after.
import { useState } from 'preact/hooks';
import { putRecord } from '../../../local/write-record';
import { caseStatusChange, type Case } from '../../../shared/domain/case';
import { toLocalDate } from '../../../shared/domain/common';
import { t } from '../../../shared/i18n/t';
import { useDb } from '../../state/session';
import { Button } from '../../ui/button';
import { FormAlert } from '../../ui/form-alert';
import { showToast } from '../../state/toast';

export function ReopenCaseButton({ record }: { record: Case }) {
  const db = useDb();
  const [message, setMessage] = useState<string | null>(null);
  const reopen = async () => {
    const change = caseStatusChange(record, 'active', toLocalDate(new Date()));
    if (!change.ok) return setMessage(change.reason);
    const result = await putRecord(db, 'cases', record.id, change.fields);
    if (!result.ok) return setMessage(result.message);
    setMessage(null);
    showToast(t('common.form.saved'));
  };
  return (
    <>
      <FormAlert message={message} />
      <Button variant="primary" block onClick={reopen}>
        {t('cases.detail.reopen')}
      </Button>
    </>
  );
}
