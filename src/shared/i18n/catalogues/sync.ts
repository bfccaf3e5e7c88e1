import { catalogue } from '../catalogue';

export const sync = catalogue({
  de: { title: 'TODO-sync' },
  en: { title: 'TODO-sync' },
});
