// Recording a gap in the local support system: a category and one sentence, no person.
import { createRecord } from '../../../local/write-record';
import { toLocalDate } from '../../../shared/domain/common';
import { needCategories } from '../../../shared/domain/need';
import { t } from '../../../shared/i18n/t';
import { useDb } from '../../state/session';
import { Button } from '../../ui/button';
import { SelectField, TextAreaField } from '../../ui/field';
import { FormAlert } from '../../ui/form-alert';
import { optionsOf } from '../../ui/select-options';
import { Sheet } from '../../ui/sheet';
import { useDraftForm } from '../../ui/use-draft-form';
import { needCategoryLabel } from '../cases/labels';

export function GapSheet({ open, onClose }: { open: boolean; onClose(): void }) {
  const db = useDb();
  const { field, reset, message, formProps } = useDraftForm({
    initial: { category: '', description: '' },
    save: ({ category, description }) =>
      createRecord(db, 'gaps', {
        // An empty choice goes to the rules as '' so the refusal names the field in German.
        category: category as never,
        description,
        date: toLocalDate(new Date()),
      }),
    savedMessage: t('cases.gaps.saved'),
    onSaved: () => close(),
  });
  const close = () => {
    reset();
    onClose();
  };

  return (
    <Sheet open={open} title={t('cases.gaps.title')} onClose={close}>
      <form {...formProps}>
        <FormAlert message={message} />
        <SelectField
          {...field('category')}
          label={t('cases.gaps.category')}
          required
          options={optionsOf(needCategories, needCategoryLabel)}
        />
        <TextAreaField
          {...field('description')}
          label={t('cases.gaps.description')}
          hint={t('cases.gaps.descriptionHint')}
          required
        />
        <Button type="submit" variant="primary" block>
          {t('common.actions.save')}
        </Button>
      </form>
    </Sheet>
  );
}
