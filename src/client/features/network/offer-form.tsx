// "/netzwerk/:partnerId/angebote/neu" and ".../:offerId": an offer of a partner.
import { useId, useRef, useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { t } from '../../../shared/i18n/t';
import { offerCategories, type Offer } from '../../../shared/domain/offer';
import { residenceKinds, type ResidenceKind } from '../../../shared/domain/residence-status';
import { createRecord, putRecord } from '../../../local/write-record';
import type { FieldErrors } from '../../../local/record-errors';
import { useDb } from '../../state/session';
import { useLiveQuery } from '../../ui/use-live-query';
import { usePageTitle } from '../../ui/page-title';
import { CheckboxField, SelectField, TextAreaField, TextField } from '../../ui/field';
import { optionsOf } from '../../ui/select-options';
import { Button } from '../../ui/button';
import { FormAlert } from '../../ui/form-alert';
import { showToast } from '../../ui/toast';
import { useFocusFirstError } from '../../ui/use-focus-first-error';
import { offerCategoryLabel, residenceKindLabel } from './network-labels';
import { countOrNull, fromNullable, textOrNull } from './form-values';

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
  const [values, setValues] = useState({
    title: fromNullable(offer?.title),
    category: fromNullable(offer?.category),
    places: fromNullable(offer?.places),
    waitlist: fromNullable(offer?.waitlist),
    language: fromNullable(offer?.language),
    description: fromNullable(offer?.description),
  });
  const [targets, setTargets] = useState<ResidenceKind[]>(offer?.targetStatuses ?? []);
  const [flags, setFlags] = useState({
    childcare: offer?.childcare ?? false,
    travelCosts: offer?.travelCosts ?? false,
    active: offer?.active !== false,
  });
  const [errors, setErrors] = useState<FieldErrors | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const form = useRef<HTMLFormElement>(null);
  const hintId = useId();
  useFocusFirstError(form, errors);
  const set = (key: keyof typeof values) => (value: string) =>
    setValues((current) => ({ ...current, [key]: value }));
  const toggleTarget = (kind: ResidenceKind, on: boolean) =>
    setTargets((current) =>
      on
        ? residenceKinds.filter((k) => k === kind || current.includes(k))
        : current.filter((k) => k !== kind),
    );

  const save = async (event: Event) => {
    event.preventDefault();
    const fields = {
      partnerId,
      title: values.title,
      category: (textOrNull(values.category) as Offer['category']) ?? null,
      targetStatuses: targets,
      places: countOrNull(values.places) as number | null,
      waitlist: countOrNull(values.waitlist) as number | null,
      language: textOrNull(values.language),
      description: textOrNull(values.description),
      ...flags,
    };
    const result = offer
      ? await putRecord(db, 'offers', offer.id, fields)
      : await createRecord(db, 'offers', fields);
    if (!result.ok) {
      setMessage(result.message);
      return setErrors(result.errors);
    }
    showToast(t('common.form.saved'));
    route(backHref);
  };

  return (
    <form class="form" ref={form} onSubmit={save} noValidate>
      <FormAlert message={message} />
      <TextField
        name="title"
        label={t('network.offer.title')}
        required
        value={values.title}
        onValue={set('title')}
        error={errors?.title}
      />
      <SelectField
        name="category"
        label={t('network.offer.category')}
        value={values.category}
        onValue={set('category')}
        options={optionsOf(offerCategories, offerCategoryLabel)}
        error={errors?.category}
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
        name="places"
        type="number"
        inputMode="numeric"
        label={t('network.offer.places')}
        value={values.places}
        onValue={set('places')}
        error={errors?.places}
      />
      <TextField
        name="waitlist"
        type="number"
        inputMode="numeric"
        label={t('network.offer.waitlist')}
        value={values.waitlist}
        onValue={set('waitlist')}
        error={errors?.waitlist}
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
      <TextField
        name="language"
        label={t('network.offer.language')}
        value={values.language}
        onValue={set('language')}
        error={errors?.language}
      />
      <TextAreaField
        name="description"
        label={t('network.offer.description')}
        value={values.description}
        onValue={set('description')}
        error={errors?.description}
      />
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
