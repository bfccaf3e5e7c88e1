// Participating partners of a case conference: the team's partners as checkboxes.
import { comparePartners } from '../../../shared/domain/partner';
import { t } from '../../../shared/i18n/t';
import { useDb } from '../../state/session';
import { CheckboxField } from '../../ui/field';
import { useLiveQuery } from '../../ui/use-live-query';

export interface PartnerChoiceProps {
  value: readonly string[];
  onValue(ids: string[]): void;
  error?: string | undefined;
}

export function PartnerChoice({ value, onValue, error }: PartnerChoiceProps) {
  const db = useDb();
  const partners = useLiveQuery(
    async () => (await db.partners.toArray()).sort(comparePartners),
    [db],
  );
  return (
    <fieldset class="group" aria-invalid={error ? 'true' : undefined}>
      <legend>{t('appointments.form.participants')}</legend>
      {partners?.length === 0 && <p class="hint">{t('appointments.form.noPartners')}</p>}
      {partners?.map((partner) => (
        <CheckboxField
          key={partner.id}
          name={`partner-${partner.id}`}
          label={partner.name}
          checked={value.includes(partner.id)}
          onValue={(checked) =>
            onValue(checked ? [...value, partner.id] : value.filter((id) => id !== partner.id))
          }
        />
      ))}
      {error && <p class="field__error">{error}</p>}
    </fieldset>
  );
}
