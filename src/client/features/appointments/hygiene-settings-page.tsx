// The team's hygiene checklist: which items every in-person appointment shows. One settings record
// per team, its id derived from team and key, so two phones editing offline merge into one.
import { useState } from 'preact/hooks';
import { putRecord } from '../../../local/write-record';
import { t } from '../../../shared/i18n/t';
import { useDb } from '../../state/session';
import { Button } from '../../ui/button';
import { TextField } from '../../ui/field';
import { FormAlert } from '../../ui/form-alert';
import { RowList } from '../../ui/list-row';
import { usePageTitle } from '../../ui/page-title';
import { showToast } from '../../ui/toast';
import { hygieneItemLabel } from './labels';
import { useHygieneItems, useHygieneSettingId } from './use-hygiene-items';

export function HygieneSettingsPage() {
  usePageTitle(t('appointments.hygieneSettings.title'), '/termine');
  const items = useHygieneItems();
  if (!items) return null;
  return <HygieneSettingsForm key={items.join('\u0000')} initial={items} />;
}

function HygieneSettingsForm({ initial }: { initial: readonly string[] }) {
  const db = useDb();
  const id = useHygieneSettingId();
  const [items, setItems] = useState<string[]>([...initial]);
  const [newItem, setNewItem] = useState('');
  const [message, setMessage] = useState<string | null>(null);

  const add = () => {
    const item = newItem.trim();
    if (!item || items.includes(item)) return;
    setItems([...items, item]);
    setNewItem('');
  };
  const onSubmit = async (event: Event) => {
    event.preventDefault();
    if (!id) return;
    const result = await putRecord(db, 'settings', id, { key: 'hygiene_items', value: items });
    if (!result.ok) {
      setMessage(Object.values(result.errors)[0] ?? result.message);
      return;
    }
    setMessage(null);
    showToast(t('appointments.hygieneSettings.saved'));
  };

  return (
    <form onSubmit={onSubmit} noValidate>
      <p class="page-intro">{t('appointments.hygieneSettings.explain')}</p>
      <FormAlert message={message} />
      <RowList label={t('appointments.hygieneSettings.title')}>
        {items.map((item) => (
          <li key={item} class="row">
            <div class="row__link">
              <span class="row__main">
                <span class="row__title">{hygieneItemLabel(item)}</span>
              </span>
              <span class="row__trailing">
                <Button
                  variant="ghost"
                  aria-label={t('appointments.hygieneSettings.remove', {
                    item: hygieneItemLabel(item),
                  })}
                  onClick={() => setItems(items.filter((other) => other !== item))}
                >
                  {t('common.actions.delete')}
                </Button>
              </span>
            </div>
          </li>
        ))}
      </RowList>
      <TextField
        name="newHygieneItem"
        label={t('appointments.hygieneSettings.newItem')}
        value={newItem}
        onValue={setNewItem}
      />
      <div class="form-actions">
        <Button onClick={add} block>
          {t('appointments.hygieneSettings.addItem')}
        </Button>
        <Button type="submit" variant="primary" block>
          {t('appointments.hygieneSettings.save')}
        </Button>
      </div>
    </form>
  );
}
