// "/faelle/:caseId/vermittlungen/neu[?angebot=<offerId>]": refer the person to a partner's offer,
// with the reason and the need it works on. Saved as a draft; sending happens on the referral,
// behind the consent gate.
import { useRef, useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { t } from '../../../shared/i18n/t';
import { comparePartners } from '../../../shared/domain/partner';
import { compareOffers, isOfferActive } from '../../../shared/domain/offer';
import { isOpenNeed } from '../../../shared/domain/need';
import { addDays, toLocalDate } from '../../../shared/domain/common';
import { FOLLOW_UP_DAYS } from '../../../shared/domain/referral';
import { createRecord } from '../../../local/write-record';
import type { FieldErrors } from '../../../local/record-errors';
import { useDb } from '../../state/session';
import { useLiveQuery } from '../../ui/use-live-query';
import { usePageTitle } from '../../ui/page-title';
import { DateField, SelectField, TextAreaField } from '../../ui/field';
import { Button } from '../../ui/button';
import { FormAlert } from '../../ui/form-alert';
import { useFocusFirstError } from '../../ui/use-focus-first-error';
import { textOrNull } from './form-values';
import { needLabel } from './network-labels';

export function ReferralForm({ caseId }: { caseId: string }) {
  const db = useDb();
  const { route, query } = useLocation();
  usePageTitle(t('network.referral.newTitle'), `/faelle/${caseId}`);
  const data = useLiveQuery(async () => {
    const [partners, offers, needs] = await Promise.all([
      db.partners.toArray(),
      db.offers.toArray(),
      db.needs.where('caseId').equals(caseId).toArray(),
    ]);
    return {
      partners: partners.sort(comparePartners),
      offers,
      needs: needs.filter((n) => isOpenNeed(n.status)),
    };
  }, [db, caseId]);
  const preset = query.angebot ?? '';
  const [values, setValues] = useState({
    partnerId: '',
    offerId: preset,
    needId: '',
    reason: '',
    followUpOn: addDays(toLocalDate(new Date()), FOLLOW_UP_DAYS),
  });
  const [errors, setErrors] = useState<FieldErrors | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const form = useRef<HTMLFormElement>(null);
  useFocusFirstError(form, errors);
  if (!data) return null;

  const presetOffer = data.offers.find((o) => o.id === preset);
  const partnerId = values.partnerId || presetOffer?.partnerId || '';
  const offers = data.offers
    .filter((o) => o.partnerId === partnerId && (isOfferActive(o) || o.id === values.offerId))
    .sort(compareOffers);
  const set = (key: keyof typeof values) => (value: string) =>
    setValues((current) => ({ ...current, [key]: value }));

  const save = async (event: Event) => {
    event.preventDefault();
    const result = await createRecord(db, 'referrals', {
      caseId,
      partnerId,
      direction: 'out',
      status: 'draft',
      offerId: textOrNull(values.offerId),
      needId: textOrNull(values.needId),
      reason: textOrNull(values.reason),
      followUpOn: textOrNull(values.followUpOn),
    });
    if (!result.ok) {
      setMessage(result.message);
      return setErrors(result.errors);
    }
    route(`/faelle/${caseId}/vermittlungen/${result.id}`);
  };

  return (
    <form class="form" ref={form} onSubmit={save} noValidate>
      <FormAlert message={message} />
      <SelectField
        name="partnerId"
        label={t('network.referral.partner')}
        required
        value={partnerId}
        onValue={(value) => setValues((current) => ({ ...current, partnerId: value, offerId: '' }))}
        options={data.partners.map((p) => ({ value: p.id, label: p.name }))}
        error={errors?.partnerId}
      />
      <SelectField
        name="offerId"
        label={t('network.referral.offer')}
        value={values.offerId}
        onValue={set('offerId')}
        options={[
          { value: '', label: t('network.referral.noOffer') },
          ...offers.map((o) => ({ value: o.id, label: o.title })),
        ]}
        allowEmpty={false}
        error={errors?.offerId}
      />
      <SelectField
        name="needId"
        label={t('network.referral.need')}
        value={values.needId}
        onValue={set('needId')}
        options={[
          { value: '', label: t('network.referral.noNeed') },
          ...data.needs.map((n) => ({ value: n.id, label: needLabel(n) })),
        ]}
        allowEmpty={false}
        error={errors?.needId}
      />
      <TextAreaField
        name="reason"
        label={t('network.referral.reason')}
        value={values.reason}
        onValue={set('reason')}
        error={errors?.reason}
      />
      <DateField
        name="followUpOn"
        label={t('network.referral.followUpOn')}
        value={values.followUpOn}
        onValue={set('followUpOn')}
        error={errors?.followUpOn}
      />
      <Button type="submit" variant="primary" block>
        {t('common.actions.save')}
      </Button>
    </form>
  );
}
