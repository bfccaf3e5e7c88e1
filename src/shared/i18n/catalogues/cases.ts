import { catalogue } from '../catalogue';

export const cases = catalogue({
  de: { title: 'TODO-cases' },
  en: { title: 'TODO-cases' },
});
