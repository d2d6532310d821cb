import { Stack } from '@mantine/core';
import { Fragment, type ComponentType } from 'react';
import { useTranslation } from 'react-i18next';
import type { CustomerFile } from '../../../../shared/contract';
import { useLabels } from '../../app/labels';
import { useVocabulary } from '../../app/vocabulary';
import { RECORD_TABLES } from './recordColumns';
import type { RecordKind } from './RecordFormModal';

// The record tabs of a customer file: each shows one or more record tables, all drawn by
// the one RecordTable from their column definitions.

function recordTab(...kinds: RecordKind[]): ComponentType<{ file: CustomerFile; purpose: string }> {
  return function RecordTab({ file }: { file: CustomerFile }) {
    const { t } = useTranslation();
    const vocabulary = useVocabulary();
    const labels = useLabels();
    const context = { t, vocabulary, labels, file };
    return (
      <Stack gap="xl">
        {kinds.map((kind) => (
          <Fragment key={kind}>{RECORD_TABLES[kind].draw(context)}</Fragment>
        ))}
      </Stack>
    );
  };
}

export const ContactsTab = recordTab('contact');
export const QualificationsTab = recordTab('qualification');
export const ContractsTab = recordTab('contract');
export const TradeTab = recordTab('transaction', 'payment');
export const CreditEventsTab = recordTab('creditEvent');
export const FeedbackTab = recordTab('feedback');
export const CreditReportsTab = recordTab('creditReport');
