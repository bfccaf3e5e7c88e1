// "/netzwerk/eingang": a partner refers someone to the THM. For a person the team does not know,
// intake creates a case in `inquiry`; otherwise the referral joins the existing case.
import { useRef, useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { t } from '../../../shared/i18n/t';
import { comparePartners } from '../../../shared/domain/partner';
import { fullName } from '../../../shared/domain/case';
import { searchCases } from '../../../local/case-search';
import type { FieldErrors } from '../../../local/record-errors';
import { useDb } from '../../state/session';
import { useLiveQuery } from '../../ui/use-live-query';
import { usePageTitle } from '../../ui/page-title';
import { SelectField, TextAreaField, TextField } from '../../ui/field';
import { ChipChoice } from '../../ui/chips';
import { Button } from '../../ui/button';
import { FormAlert } from '../../ui/form-alert';
import { showToast } from '../../ui/toast';
import { useFocusFirstError } from '../../ui/use-focus-first-error';
import { takeInboundReferral } from './take-inbound-referral';
import { textOrNull } from './form-values';

export function InboundReferralForm() {
  const db = useDb();
  const { route } = useLocation();
  usePageTitle(t('network.intake.title'), '/netzwerk');
  const partners = useLiveQuery(
    async () => (await db.partners.toArray()).sort(comparePartners),
    [db],
  );
  const [person, setPerson] = useState<'new' | 'existing'>('new');
  const [values, setValues] = useState({
    partnerId: '',
    query: '',
    caseId: '',
    givenName: '',
    familyName: '',
    reason: '',
  });
  const matches = useLiveQuery(
    async () =>
      person === 'existing' && values.query.trim()
        ? (await searchCases(db, { query: values.query, status: 'all', limit: 20 })).cases
        : [],
    [db, person, values.query],
  );
  const [errors, setErrors] = useState<FieldErrors | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const form = useRef<HTMLFormElement>(null);
  useFocusFirstError(form, errors);
  const set = (key: keyof typeof values) => (value: string) =>
    setValues((current) => ({ ...current, [key]: value }));

  if (!partners) return null;

  const save = async (event: Event) => {
    event.preventDefault();
    if (person === 'existing' && !values.caseId) {
      setMessage(t('network.intake.chooseCase'));
      return setErrors({ caseId: t('network.intake.chooseCase') });
    }
    const result = await takeInboundReferral(db, {
      partnerId: values.partnerId,
      reason: textOrNull(values.reason),
      ...(person === 'new'
        ? { newPerson: { givenName: values.givenName, familyName: values.familyName } }
        : { caseId: values.caseId }),
    });
    if (!result.ok) {
      setMessage(result.message);
      return setErrors(result.errors);
    }
    showToast(t('network.intake.created'));
    route(`/faelle/${result.caseId}/vermittlungen/${result.referralId}`);
  };

  return (
    <form class="form" ref={form} onSubmit={save} noValidate>
      <FormAlert message={message} />
      <SelectField
        name="partnerId"
        label={t('network.intake.partner')}
        required
        value={values.partnerId}
        onValue={set('partnerId')}
        options={partners.map((p) => ({ value: p.id, label: p.name }))}
        error={errors?.partnerId}
      />
      <ChipChoice
        legend={t('network.intake.person')}
        name="person"
        value={person}
        options={[
          { value: 'new', label: t('network.intake.newPerson') },
          { value: 'existing', label: t('network.intake.existing') },
        ]}
        onValue={(value) => setPerson(value as 'new' | 'existing')}
      />
      {person === 'new' ? (
        <>
          <TextField
            name="givenName"
            label={t('network.intake.givenName')}
            required
            value={values.givenName}
            onValue={set('givenName')}
            error={errors?.givenName}
          />
          <TextField
            name="familyName"
            label={t('network.intake.familyName')}
            required
            value={values.familyName}
            onValue={set('familyName')}
            error={errors?.familyName}
          />
        </>
      ) : (
        <>
          <TextField
            name="caseQuery"
            type="search"
            label={t('network.intake.searchCase')}
            value={values.query}
            onValue={set('query')}
          />
          <SelectField
            name="caseId"
            label={t('network.intake.existing')}
            required
            value={values.caseId}
            onValue={set('caseId')}
            options={(matches ?? []).map((c) => ({ value: c.id, label: fullName(c) }))}
            error={errors?.caseId}
          />
        </>
      )}
      <TextAreaField
        name="reason"
        label={t('network.intake.reason')}
        value={values.reason}
        onValue={set('reason')}
        error={errors?.reason}
      />
      <Button type="submit" variant="primary" block>
        {t('network.intake.submit')}
      </Button>
    </form>
  );
}
