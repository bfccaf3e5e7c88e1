// Documents of a case (issue 25): lazy screens, off the first screen's JavaScript.
import { lazy } from 'preact-iso';
import type { FeatureRoute } from '../../ui/feature-route';

const DocumentFormPage = lazy(() => import('./document-form-page').then((m) => m.DocumentFormPage));
const DocumentPage = lazy(() => import('./document-page').then((m) => m.DocumentPage));

// Order matters: "neu" before the parameter.
export const documentRoutes: FeatureRoute[] = [
  { path: '/faelle/:id/dokumente/neu', component: DocumentFormPage },
  { path: '/faelle/:id/dokumente/:documentId', component: DocumentPage },
];
