import { IconFileImport } from '@tabler/icons-react';
import type { Feature } from '../../app/contributions';
import { ImportPage } from './ImportPage';

const needs = ['imports.template', 'imports.preview', 'imports.run', 'jobs.progress'] as const;

export const importsFeature: Feature = {
  id: 'imports',
  pages: [{ id: 'imports', path: '/imports', icon: IconFileImport, label: (t) => t('nav.imports'), needs, component: ImportPage, order: 20 }],
  homeCards: [{ id: 'imports', icon: IconFileImport, title: (t) => t('nav.imports'), description: (t) => t('home.pages.imports'), path: '/imports', needs, order: 20 }],
  auditTargets: [{ kind: 'import', label: (t) => t('audit.targetKinds.import') }],
};
