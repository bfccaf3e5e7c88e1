// "/faelle/:caseId/vermittlungen/neu[?angebot=<offerId>|?partner=<partnerId>]": refer the person
// to a partner's offer, with the reason and the need it works on. Saved as a draft; sending happens
// on the referral, behind the consent gate. With no partner yet (a new team) it says so and offers
// to add one (back here with it chosen) or to load the starter list.
import { useLocation } from 'preact-iso';
import { t } from '../../../shared/i18n/t';
import { comparePartners } from '../../../shared/domain/partner';
import { compareOffers, isOfferActive } from '../../../shared/domain/offer';
import { isOpenNeed } from '../../../shared/domain/need';
import { addDays, toLocalDate } from '../../../shared/domain/common';
import { FOLLOW_UP_DAYS } from '../../../shared/domain/referral';
import { createRecord } from '../../../local/write-record';
import { useDb } from '../../state/session';
import { useLiveQuery } from '../../ui/use-live-query';
import { usePageTitle } from '../../state/page-title';
import { DateField, SelectField, TextAreaField } from '../../ui/field';
import { Button, LinkButton } from '../../ui/button';
import { FormAlert } from '../../ui/form-alert';
import { useDraftForm } from '../../ui/use-draft-form';
import { textOrNull } from '../../ui/form-values';
import { needLabel } from './network-labels';
import { StarterNetworkLoader } from './starter-network-loader';

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
  // Back from "Partner anlegen" (started here), the new partner is chosen.
  const newPartner = query.partner ?? '';
  const {
    draft: values,
    field,
    set,
    errors,
    message,
    formProps,
  } = useDraftForm({
    initial: {
      partnerId: newPartner,
      offerId: preset,
      needId: '',
      reason: '',
      followUpOn: addDays(toLocalDate(new Date()), FOLLOW_UP_DAYS),
    },
    save: (values) =>
      createRecord(db, 'referrals', {
        caseId,
        partnerId: values.partnerId || presetPartnerId(),
        direction: 'out',
        status: 'draft',
        offerId: textOrNull(values.offerId),
        needId: textOrNull(values.needId),
        reason: textOrNull(values.reason),
        followUpOn: textOrNull(values.followUpOn),
      }),
    savedMessage: null,
    onSaved: (result) => route(`/faelle/${caseId}/vermittlungen/${result.id}`),
  });
  /** A referral started from an offer goes to that offer's partner unless another is chosen. */
  function presetPartnerId(): string {
    return data?.offers.find((o) => o.id === preset)?.partnerId ?? '';
  }
  if (!data) return null;
  const newPartnerHref = `/netzwerk/neu?fall=${encodeURIComponent(caseId)}`;
  // A new team has no partners on day one: a way forward instead of an empty list.
  if (data.partners.length === 0) return <NoPartnersYet newPartnerHref={newPartnerHref} />;

  const partnerId = values.partnerId || presetPartnerId();
  const offers = data.offers
    .filter((o) => o.partnerId === partnerId && (isOfferActive(o) || o.id === values.offerId))
    .sort(compareOffers);

  return (
    <form class="form" {...formProps}>
      <FormAlert message={message} />
      <SelectField
        name="partnerId"
        label={t('network.referral.partner')}
        required
        value={partnerId}
        onValue={(value) => {
          set('partnerId', value);
          set('offerId', '');
        }}
        options={data.partners.map((p) => ({ value: p.id, label: p.name }))}
        error={errors?.partnerId}
      />
      <LinkButton href={newPartnerHref} variant="ghost">
        {t('network.referral.partnerMissing')}
      </LinkButton>
      <SelectField
        {...field('offerId')}
        label={t('network.referral.offer')}
        options={[
          { value: '', label: t('network.referral.noOffer') },
          ...offers.map((o) => ({ value: o.id, label: o.title })),
        ]}
        allowEmpty={false}
      />
      <SelectField
        {...field('needId')}
        label={t('network.referral.need')}
        options={[
          { value: '', label: t('network.referral.noNeed') },
          ...data.needs.map((n) => ({ value: n.id, label: needLabel(n) })),
        ]}
        allowEmpty={false}
      />
      <TextAreaField {...field('reason')} label={t('network.referral.reason')} />
      <DateField {...field('followUpOn')} label={t('network.referral.followUpOn')} />
      <Button type="submit" variant="primary" block>
        {t('common.actions.save')}
      </Button>
    </form>
  );
}

function NoPartnersYet({ newPartnerHref }: { newPartnerHref: string }) {
  return (
    <div class="form">
      <section class="notice" aria-labelledby="no-partners-title">
        <h2 id="no-partners-title" class="notice__title">
          {t('network.referral.noPartners.title')}
        </h2>
        <p>{t('network.referral.noPartners.explain')}</p>
        <LinkButton href={newPartnerHref} variant="primary" block>
          {t('network.referral.noPartners.create')}
        </LinkButton>
      </section>
      <StarterNetworkLoader />
    </div>
  );
}
