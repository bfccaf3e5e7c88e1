// "/netzwerk": the partner directory with search and a kind filter, the starter list loader and
// the way in for a referral a partner makes.
import { useState } from 'preact/hooks';
import { t } from '../../../shared/i18n/t';
import { partnerKinds, type PartnerKind } from '../../../shared/domain/partner';
import { useDb } from '../../state/session';
import { useLiveQuery } from '../../ui/use-live-query';
import { usePageTitle } from '../../state/page-title';
import { SelectField, TextField } from '../../ui/field';
import { optionsOf } from '../../ui/select-options';
import { ListRow, RowList } from '../../ui/list-row';
import { EmptyState } from '../../ui/empty-state';
import { LinkButton } from '../../ui/button';
import { StatusPill } from '../../ui/status-pill';
import { agreementLabel, partnerKindLabel } from './network-labels';
import { searchPartners } from './search-partners';
import { StarterNetworkLoader } from './starter-network-loader';

export function PartnerDirectory() {
  const db = useDb();
  usePageTitle(t('network.directory.title'));
  const [query, setQuery] = useState('');
  const [kind, setKind] = useState<PartnerKind | ''>('');
  const partners = useLiveQuery(() => searchPartners(db, { query, kind }), [db, query, kind]);
  const anyPartner = useLiveQuery(async () => (await db.partners.count()) > 0, [db]);

  return (
    <div class="network-page">
      <div class="toolbar">
        <LinkButton href="/netzwerk/neu" variant="primary">
          {t('network.directory.add')}
        </LinkButton>
        <LinkButton href="/netzwerk/eingang">{t('network.directory.inbound')}</LinkButton>
      </div>
      <div role="search">
        <TextField
          name="partner-search"
          type="search"
          inputMode="search"
          label={t('network.directory.search')}
          hint={t('network.directory.searchHint')}
          value={query}
          onValue={setQuery}
        />
        <SelectField
          name="partner-kind"
          label={t('network.directory.filterKind')}
          value={kind}
          onValue={(value) => setKind(value as PartnerKind | '')}
          options={[
            { value: '', label: t('network.directory.allKinds') },
            ...optionsOf(partnerKinds, partnerKindLabel),
          ]}
          allowEmpty={false}
        />
      </div>
      {partners && partners.length > 0 && (
        <>
          <p class="list-count" aria-live="polite">
            {t('network.directory.count', { count: partners.length })}
          </p>
          <RowList label={t('network.directory.title')}>
            {partners.map((partner) => (
              <ListRow
                key={partner.id}
                href={`/netzwerk/${partner.id}`}
                title={partner.name}
                meta={[partnerKindLabel(partner.kind), partner.contactPerson]
                  .filter(Boolean)
                  .join(' · ')}
                trailing={
                  partner.agreement === 'none' ? undefined : (
                    <StatusPill tone={partner.agreement === 'in_place' ? 'success' : 'info'}>
                      {agreementLabel(partner.agreement)}
                    </StatusPill>
                  )
                }
              />
            ))}
          </RowList>
        </>
      )}
      {partners && partners.length === 0 && (
        <EmptyState>
          {anyPartner ? t('network.directory.noMatch') : t('network.directory.empty')}
        </EmptyState>
      )}
      {anyPartner !== undefined && <StarterNetworkLoader />}
    </div>
  );
}
