// Recording a gap in the local support system: a category and one sentence, no person.
import { useState } from 'preact/hooks';
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
import { showToast } from '../../ui/toast';
import { useFormFeedback } from '../../ui/use-form-feedback';
import { needCategoryLabel } from '../cases/labels';

export function GapSheet({ open, onClose }: { open: boolean; onClose(): void }) {
  const db = useDb();
  const [category, setCategory] = useState('');
  const [description, setDescription] = useState('');
  const { errors, setErrors, message, setMessage, form } = useFormFeedback();

  const close = () => {
    setCategory('');
    setDescription('');
    setErrors({});
    setMessage(null);
    onClose();
  };
  const onSubmit = async (event: Event) => {
    event.preventDefault();
    const result = await createRecord(db, 'gaps', {
      // An empty choice goes to the rules as '' so the refusal names the field in German.
      category: category as never,
      description,
      date: toLocalDate(new Date()),
    });
    if (!result.ok) {
      setMessage(result.message);
      return setErrors({ ...result.errors });
    }
    showToast(t('cases.gaps.saved'));
    close();
  };

  return (
    <Sheet open={open} title={t('cases.gaps.title')} onClose={close}>
      <form ref={form} onSubmit={onSubmit} noValidate>
        <FormAlert message={message} />
        <SelectField
          name="category"
          label={t('cases.gaps.category')}
          required
          options={optionsOf(needCategories, needCategoryLabel)}
          value={category}
          error={errors.category}
          onValue={setCategory}
        />
        <TextAreaField
          name="description"
          label={t('cases.gaps.description')}
          hint={t('cases.gaps.descriptionHint')}
          required
          value={description}
          error={errors.description}
          onValue={setDescription}
        />
        <Button type="submit" variant="primary" block>
          {t('common.actions.save')}
        </Button>
      </form>
    </Sheet>
  );
}
