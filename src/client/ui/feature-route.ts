// Each feature exports its routes (features/<feature>/routes.ts); app.tsx mounts them all.
// Paths are German and carry only record ids, never case content.
import type { ComponentType } from 'preact';

export interface FeatureRoute {
  path: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  component: ComponentType<any>;
}
