// "/netzwerk/neu[?fall=<caseId>]" and "/netzwerk/:partnerId/bearbeiten": a partner's details and
// agreement. Started from a referral form (`fall`), saving goes back to it with the partner chosen.
import { useLocation } from 'preact-iso';
import { t } from '../../../shared/i18n/t';
import { agreementStates, partnerKinds, type Partner } from '../../../shared/domain/partner';
import { createRecord, putRecord } from '../../../local/write-record';
import { useDb } from '../../state/session';
import { useLiveQuery } from '../../ui/use-live-query';
import { usePageTitle } from '../../state/page-title';
import { DateField, SelectField, TextAreaField, TextField } from '../../ui/field';
import { ChipChoice } from '../../ui/chips';
import { optionsOf } from '../../ui/select-options';
import { Button } from '../../ui/button';
import { FormAlert } from '../../ui/form-alert';
import { useDraftForm } from '../../ui/use-draft-form';
import { agreementLabel, partnerKindLabel } from './network-labels';
import { fromNullable, textOrNull } from '../../ui/form-values';

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
  const { route, query } = useLocation();
  // Started from "Vermittlung anlegen" (`?fall=<caseId>`): back there, with the new partner chosen.
  const forCase = !partner && query.fall ? query.fall : null;
  const referralHref = forCase ? `/faelle/${encodeURIComponent(forCase)}/vermittlungen/neu` : null;
  const backHref = partner ? `/netzwerk/${partner.id}` : (referralHref ?? '/netzwerk');
  usePageTitle(t(partner ? 'network.partner.editTitle' : 'network.partner.newTitle'), backHref);
  const {
    draft: values,
    field,
    message,
    formProps,
  } = useDraftForm({
    initial: {
      name: fromNullable(partner?.name),
      kind: fromNullable(partner?.kind),
      contactPerson: fromNullable(partner?.contactPerson),
      phone: fromNullable(partner?.phone),
      email: fromNullable(partner?.email),
      address: fromNullable(partner?.address),
      agreement: partner?.agreement ?? 'none',
      agreementOn: fromNullable(partner?.agreementOn),
      notes: fromNullable(partner?.notes),
    },
    save: async (values) => {
      const fields = {
        name: values.name.trim(),
        kind: values.kind as Partner['kind'],
        contactPerson: textOrNull(values.contactPerson),
        phone: textOrNull(values.phone),
        email: textOrNull(values.email),
        address: textOrNull(values.address),
        agreement: values.agreement as Partner['agreement'],
        agreementOn: values.agreement === 'none' ? null : textOrNull(values.agreementOn),
        notes: textOrNull(values.notes),
      };
      return partner
        ? putRecord(db, 'partners', partner.id, fields)
        : createRecord(db, 'partners', fields);
    },
    onSaved: (result) =>
      route(
        referralHref
          ? `${referralHref}?partner=${encodeURIComponent(result.id)}`
          : `/netzwerk/${result.id}`,
        Boolean(referralHref),
      ),
  });

  return (
    <form class="form" {...formProps}>
      <FormAlert message={message} />
      <TextField {...field('name')} label={t('network.partner.name')} required />
      <SelectField
        {...field('kind')}
        label={t('network.partner.kind')}
        required
        options={optionsOf(partnerKinds, partnerKindLabel)}
      />
      <TextField {...field('contactPerson')} label={t('network.partner.contactPerson')} />
      <TextField
        {...field('phone')}
        type="tel"
        inputMode="tel"
        label={t('network.partner.phone')}
      />
      <TextField
        {...field('email')}
        type="email"
        inputMode="email"
        label={t('network.partner.email')}
      />
      <TextAreaField {...field('address')} label={t('network.partner.address')} />
      <ChipChoice
        legend={t('network.partner.agreement')}
        {...field('agreement')}
        options={optionsOf(agreementStates, agreementLabel)}
      />
      {values.agreement !== 'none' && (
        <DateField
          {...field('agreementOn')}
          label={t('network.partner.agreementOn')}
          required={values.agreement === 'in_place'}
        />
      )}
      <TextAreaField {...field('notes')} label={t('network.partner.notes')} />
      <Button type="submit" variant="primary" block>
        {t('common.actions.save')}
      </Button>
    </form>
  );
}
