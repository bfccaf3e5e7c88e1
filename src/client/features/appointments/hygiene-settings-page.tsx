// The team's hygiene checklist: which items every in-person appointment shows. Off (no items) until
// the team switches it on with suggested items or its own (issue 27 item 9). One settings record
// per team, its id derived from team and key, so two phones editing offline merge into one.
import { putRecord } from '../../../local/write-record';
import { t } from '../../../shared/i18n/t';
import { useDb } from '../../state/session';
import { Button } from '../../ui/button';
import { TextField } from '../../ui/field';
import { FormAlert } from '../../ui/form-alert';
import { RowList } from '../../ui/list-row';
import { usePageTitle } from '../../state/page-title';
import { refused, useDraftForm } from '../../ui/use-draft-form';
import { hygieneItemLabel } from './labels';
import { defaultHygieneItems } from '../../../shared/domain/setting';
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
  const { draft, field, set, message, formProps } = useDraftForm({
    initial: { items: [...initial], newItem: '' },
    save: async ({ items }) => {
      // The team's setting id comes from the session; without it there is nothing to write to.
      if (!id) return refused(t('common.errors.unknown'));
      const result = await putRecord(db, 'settings', id, { key: 'hygiene_items', value: items });
      // The rule's message about the list is the clearest thing to show above it.
      return result.ok ? result : refused(Object.values(result.errors)[0] ?? result.message);
    },
    savedMessage: t('appointments.hygieneSettings.saved'),
    onSaved: () => {},
  });
  const items = draft.items;
  const suggestions = defaultHygieneItems.filter((item) => !items.includes(item));
  const add = () => {
    const item = draft.newItem.trim();
    if (!item || items.includes(item)) return;
    set('items', [...items, item]);
    set('newItem', '');
  };

  return (
    <form {...formProps}>
      <p class="page-intro">{t('appointments.hygieneSettings.explain')}</p>
      <p class="hint" role="status">
        {items.length === 0
          ? t('appointments.hygieneSettings.off')
          : t('appointments.hygieneSettings.on', { count: items.length })}
      </p>
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
                  onClick={() =>
                    set(
                      'items',
                      items.filter((other) => other !== item),
                    )
                  }
                >
                  {t('common.actions.delete')}
                </Button>
              </span>
            </div>
          </li>
        ))}
      </RowList>
      {suggestions.length > 0 && (
        <fieldset class="group">
          <legend>{t('appointments.hygieneSettings.suggestions')}</legend>
          <div class="suggestion-list">
            {suggestions.map((item) => (
              <Button
                key={item}
                aria-label={t('appointments.hygieneSettings.addSuggestion', {
                  item: hygieneItemLabel(item),
                })}
                onClick={() => set('items', [...items, item])}
              >
                + {hygieneItemLabel(item)}
              </Button>
            ))}
          </div>
        </fieldset>
      )}
      <TextField
        {...field('newItem')}
        name="newHygieneItem"
        label={t('appointments.hygieneSettings.newItem')}
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
