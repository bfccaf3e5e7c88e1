import { catalogue } from '../catalogue';

export const network = catalogue({
  de: { title: 'TODO-network' },
  en: { title: 'TODO-network' },
});
