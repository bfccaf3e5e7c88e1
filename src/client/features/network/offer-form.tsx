// "/netzwerk/:partnerId/angebote/neu" and ".../:offerId": an offer of a partner.
import { useId, useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { t } from '../../../shared/i18n/t';
import { offerCategories, type Offer } from '../../../shared/domain/offer';
import { residenceKinds, type ResidenceKind } from '../../../shared/domain/residence-status';
import { createRecord, putRecord } from '../../../local/write-record';
import { useDb } from '../../state/session';
import { useLiveQuery } from '../../ui/use-live-query';
import { usePageTitle } from '../../state/page-title';
import { CheckboxField, SelectField, TextAreaField, TextField } from '../../ui/field';
import { optionsOf } from '../../ui/select-options';
import { Button } from '../../ui/button';
import { FormAlert } from '../../ui/form-alert';
import { useDraftForm } from '../../ui/use-draft-form';
import { offerCategoryLabel, residenceKindLabel } from './network-labels';
import { countOrNull, fromNullable, textOrNull } from '../../ui/form-values';

export function OfferForm({ partnerId, offerId }: { partnerId: string; offerId?: string }) {
  const db = useDb();
  const stored = useLiveQuery(
    async () => (offerId ? ((await db.offers.get(offerId)) ?? null) : null),
    [db, offerId],
  );
  if (stored === undefined) return null;
  return <OfferFormFields key={stored?.id ?? 'new'} partnerId={partnerId} offer={stored} />;
}

function OfferFormFields({ partnerId, offer }: { partnerId: string; offer: Offer | null }) {
  const db = useDb();
  const { route } = useLocation();
  const backHref = `/netzwerk/${partnerId}`;
  usePageTitle(t(offer ? 'network.offer.editTitle' : 'network.offer.newTitle'), backHref);
  const { field, errors, message, formProps } = useDraftForm({
    initial: {
      title: fromNullable(offer?.title),
      category: fromNullable(offer?.category),
      places: fromNullable(offer?.places),
      waitlist: fromNullable(offer?.waitlist),
      language: fromNullable(offer?.language),
      description: fromNullable(offer?.description),
    },
    save: async (values) => {
      const fields = {
        partnerId,
        title: values.title.trim(),
        category: (textOrNull(values.category) as Offer['category']) ?? null,
        targetStatuses: targets,
        places: countOrNull(values.places) as number | null,
        waitlist: countOrNull(values.waitlist) as number | null,
        language: textOrNull(values.language),
        description: textOrNull(values.description),
        ...flags,
      };
      return offer ? putRecord(db, 'offers', offer.id, fields) : createRecord(db, 'offers', fields);
    },
    onSaved: () => route(backHref),
  });
  const [targets, setTargets] = useState<ResidenceKind[]>(offer?.targetStatuses ?? []);
  const [flags, setFlags] = useState({
    childcare: offer?.childcare ?? false,
    travelCosts: offer?.travelCosts ?? false,
    active: offer?.active !== false,
  });
  const hintId = useId();
  const toggleTarget = (kind: ResidenceKind, on: boolean) =>
    setTargets((current) =>
      on
        ? residenceKinds.filter((k) => k === kind || current.includes(k))
        : current.filter((k) => k !== kind),
    );

  return (
    <form class="form" {...formProps}>
      <FormAlert message={message} />
      <TextField {...field('title')} label={t('network.offer.title')} required />
      <SelectField
        {...field('category')}
        label={t('network.offer.category')}
        options={optionsOf(offerCategories, offerCategoryLabel)}
      />
      <fieldset class="checks" aria-describedby={hintId}>
        <legend>{t('network.offer.targetStatuses')}</legend>
        <p class="field__hint" id={hintId}>
          {t('network.offer.targetStatusesHint')}
        </p>
        {residenceKinds.map((kind) => (
          <CheckboxField
            key={kind}
            name={`target-${kind}`}
            label={residenceKindLabel(kind)}
            checked={targets.includes(kind)}
            onValue={(on) => toggleTarget(kind, on)}
          />
        ))}
        {errors?.targetStatuses && <p class="field__error">{errors.targetStatuses}</p>}
      </fieldset>
      <TextField
        {...field('places')}
        type="number"
        inputMode="numeric"
        label={t('network.offer.places')}
      />
      <TextField
        {...field('waitlist')}
        type="number"
        inputMode="numeric"
        label={t('network.offer.waitlist')}
      />
      <CheckboxField
        name="childcare"
        label={t('network.offer.childcare')}
        checked={flags.childcare}
        onValue={(on) => setFlags((current) => ({ ...current, childcare: on }))}
      />
      <CheckboxField
        name="travelCosts"
        label={t('network.offer.travelCosts')}
        checked={flags.travelCosts}
        onValue={(on) => setFlags((current) => ({ ...current, travelCosts: on }))}
      />
      <TextField {...field('language')} label={t('network.offer.language')} />
      <TextAreaField {...field('description')} label={t('network.offer.description')} />
      <CheckboxField
        name="active"
        label={t('network.offer.active')}
        checked={flags.active}
        onValue={(on) => setFlags((current) => ({ ...current, active: on }))}
      />
      <Button type="submit" variant="primary" block>
        {t('common.actions.save')}
      </Button>
    </form>
  );
}
