// "/netzwerk/eingang": a partner refers someone to the THM. For a person the team does not know,
// intake creates a case in `inquiry`; otherwise the referral joins the existing case.
import { useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { t } from '../../../shared/i18n/t';
import { comparePartners } from '../../../shared/domain/partner';
import { fullName } from '../../../shared/domain/case';
import { searchCases } from '../../../local/case-search';
import { useDb } from '../../state/session';
import { useLiveQuery } from '../../ui/use-live-query';
import { usePageTitle } from '../../state/page-title';
import { SelectField, TextAreaField, TextField } from '../../ui/field';
import { ChipChoice } from '../../ui/chips';
import { Button } from '../../ui/button';
import { FormAlert } from '../../ui/form-alert';
import { refused, useDraftForm } from '../../ui/use-draft-form';
import { takeInboundReferral } from '../../../local/take-inbound-referral';
import { textOrNull } from '../../ui/form-values';

export function InboundReferralForm() {
  const db = useDb();
  const { route } = useLocation();
  usePageTitle(t('network.intake.title'), '/netzwerk');
  const partners = useLiveQuery(
    async () => (await db.partners.toArray()).sort(comparePartners),
    [db],
  );
  const [person, setPerson] = useState<'new' | 'existing'>('new');
  const {
    draft: values,
    field,
    set,
    message,
    formProps,
  } = useDraftForm({
    initial: { partnerId: '', query: '', caseId: '', givenName: '', familyName: '', reason: '' },
    save: async (values) => {
      if (person === 'existing' && !values.caseId) {
        const chooseCase = t('network.intake.chooseCase');
        return refused(chooseCase, { caseId: chooseCase });
      }
      return takeInboundReferral(db, {
        partnerId: values.partnerId,
        reason: textOrNull(values.reason),
        ...(person === 'new'
          ? { newPerson: { givenName: values.givenName, familyName: values.familyName } }
          : { caseId: values.caseId }),
      });
    },
    savedMessage: t('network.intake.created'),
    onSaved: (result) => route(`/faelle/${result.caseId}/vermittlungen/${result.referralId}`),
  });
  const matches = useLiveQuery(
    async () =>
      person === 'existing' && values.query.trim()
        ? (await searchCases(db, { query: values.query, status: 'all', limit: 20 })).cases
        : [],
    [db, person, values.query],
  );
  if (!partners) return null;

  return (
    <form class="form" {...formProps}>
      <FormAlert message={message} />
      <SelectField
        {...field('partnerId')}
        label={t('network.intake.partner')}
        required
        options={partners.map((p) => ({ value: p.id, label: p.name }))}
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
          <TextField {...field('givenName')} label={t('network.intake.givenName')} required />
          <TextField {...field('familyName')} label={t('network.intake.familyName')} required />
        </>
      ) : (
        <>
          <TextField
            name="caseQuery"
            type="search"
            label={t('network.intake.searchCase')}
            value={values.query}
            onValue={(value) => set('query', value)}
          />
          <SelectField
            {...field('caseId')}
            label={t('network.intake.existing')}
            required
            options={(matches ?? []).map((c) => ({ value: c.id, label: fullName(c) }))}
          />
        </>
      )}
      <TextAreaField {...field('reason')} label={t('network.intake.reason')} />
      <Button type="submit" variant="primary" block>
        {t('network.intake.submit')}
      </Button>
    </form>
  );
}
