// "/netzwerk/neu" and "/netzwerk/:partnerId/bearbeiten": a partner's details and agreement.
import { useRef, useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { t } from '../../../shared/i18n/t';
import { agreementStates, partnerKinds, type Partner } from '../../../shared/domain/partner';
import { createRecord, putRecord } from '../../../local/write-record';
import type { FieldErrors } from '../../../local/record-errors';
import { useDb } from '../../state/session';
import { useLiveQuery } from '../../ui/use-live-query';
import { usePageTitle } from '../../ui/page-title';
import { DateField, SelectField, TextAreaField, TextField } from '../../ui/field';
import { ChipChoice } from '../../ui/chips';
import { optionsOf } from '../../ui/select-options';
import { Button } from '../../ui/button';
import { FormAlert } from '../../ui/form-alert';
import { showToast } from '../../ui/toast';
import { useFocusFirstError } from '../../ui/use-focus-first-error';
import { agreementLabel, partnerKindLabel } from './network-labels';
import { fromNullable, textOrNull } from './form-values';

export function PartnerForm({ partnerId }: { partnerId?: string }) {
  const db = useDb();
  const stored = useLiveQuery(
    async () => (partnerId ? ((await db.partners.get(partnerId)) ?? null) : null),
    [db, partnerId],
  );
  if (stored === undefined) return null;
  return <PartnerFormFields key={stored?.id ?? 'new'} partner={stored} />;
}

function PartnerFormFields({ partner }: { partner: Partner | null }) {
  const db = useDb();
  const { route } = useLocation();
  const backHref = partner ? `/netzwerk/${partner.id}` : '/netzwerk';
  usePageTitle(t(partner ? 'network.partner.editTitle' : 'network.partner.newTitle'), backHref);
  const [values, setValues] = useState({
    name: fromNullable(partner?.name),
    kind: fromNullable(partner?.kind),
    contactPerson: fromNullable(partner?.contactPerson),
    phone: fromNullable(partner?.phone),
    email: fromNullable(partner?.email),
    address: fromNullable(partner?.address),
    agreement: partner?.agreement ?? 'none',
    agreementOn: fromNullable(partner?.agreementOn),
    notes: fromNullable(partner?.notes),
  });
  const [errors, setErrors] = useState<FieldErrors | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const form = useRef<HTMLFormElement>(null);
  useFocusFirstError(form, errors);
  const set = (key: keyof typeof values) => (value: string) =>
    setValues((current) => ({ ...current, [key]: value }));

  const save = async (event: Event) => {
    event.preventDefault();
    const fields = {
      name: values.name,
      kind: values.kind as Partner['kind'],
      contactPerson: textOrNull(values.contactPerson),
      phone: textOrNull(values.phone),
      email: textOrNull(values.email),
      address: textOrNull(values.address),
      agreement: values.agreement as Partner['agreement'],
      agreementOn: values.agreement === 'none' ? null : textOrNull(values.agreementOn),
      notes: textOrNull(values.notes),
    };
    const result = partner
      ? await putRecord(db, 'partners', partner.id, fields)
      : await createRecord(db, 'partners', fields);
    if (!result.ok) {
      setMessage(result.message);
      return setErrors(result.errors);
    }
    showToast(t('common.form.saved'));
    route(`/netzwerk/${result.id}`);
  };

  return (
    <form class="form" ref={form} onSubmit={save} noValidate>
      <FormAlert message={message} />
      <TextField
        name="name"
        label={t('network.partner.name')}
        required
        value={values.name}
        onValue={set('name')}
        error={errors?.name}
      />
      <SelectField
        name="kind"
        label={t('network.partner.kind')}
        required
        value={values.kind}
        onValue={set('kind')}
        options={optionsOf(partnerKinds, partnerKindLabel)}
        error={errors?.kind}
      />
      <TextField
        name="contactPerson"
        label={t('network.partner.contactPerson')}
        value={values.contactPerson}
        onValue={set('contactPerson')}
        error={errors?.contactPerson}
      />
      <TextField
        name="phone"
        type="tel"
        inputMode="tel"
        label={t('network.partner.phone')}
        value={values.phone}
        onValue={set('phone')}
        error={errors?.phone}
      />
      <TextField
        name="email"
        type="email"
        inputMode="email"
        label={t('network.partner.email')}
        value={values.email}
        onValue={set('email')}
        error={errors?.email}
      />
      <TextAreaField
        name="address"
        label={t('network.partner.address')}
        value={values.address}
        onValue={set('address')}
        error={errors?.address}
      />
      <ChipChoice
        legend={t('network.partner.agreement')}
        name="agreement"
        value={values.agreement}
        options={optionsOf(agreementStates, agreementLabel)}
        onValue={set('agreement')}
        error={errors?.agreement}
      />
      {values.agreement !== 'none' && (
        <DateField
          name="agreementOn"
          label={t('network.partner.agreementOn')}
          required={values.agreement === 'in_place'}
          value={values.agreementOn}
          onValue={set('agreementOn')}
          error={errors?.agreementOn}
        />
      )}
      <TextAreaField
        name="notes"
        label={t('network.partner.notes')}
        value={values.notes}
        onValue={set('notes')}
        error={errors?.notes}
      />
      <Button type="submit" variant="primary" block>
        {t('common.actions.save')}
      </Button>
    </form>
  );
}
