import type { Feature } from '../../app/contributions';
import { DocumentsTab } from './DocumentsTab';

/** Documents (档案材料) of a customer file: a tab of the file, and a kind of audit target. */
export const documentsFeature: Feature = {
  id: 'documents',
  customerFileTabs: [
    { id: 'documents', label: (t) => t('customerFile.tabs.documents'), order: 90, component: DocumentsTab, count: (file) => file.documents.length },
  ],
  auditTargets: [{ kind: 'document', label: (t) => t('audit.targetKinds.document') }],
};
