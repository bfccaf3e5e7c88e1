import { catalogue } from '../catalogue';

export const appointments = catalogue({
  de: { title: 'TODO-appointments' },
  en: { title: 'TODO-appointments' },
});
