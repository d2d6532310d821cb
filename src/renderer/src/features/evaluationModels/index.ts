import { IconCalendarDue, IconScale } from '@tabler/icons-react';
import type { Feature } from '../../app/contributions';
import { DuePage } from './due/DuePage';
import { DueSummary } from './due/DueSummary';
import { ModelEditorPage } from './models/ModelEditorPage';
import { ModelsPage } from './models/ModelsPage';

/**
 * The screens around the evaluations (issue 9): the scoring models with their versions,
 * editor and preview, the grade crosswalk and the review settings, for the credit manager;
 * the reviews due (评审到期) and the year-end round, for the 客服经理.
 */
export const evaluationModelsFeature: Feature = {
  id: 'evaluationModels',
  pages: [
    {
      id: 'reviews-due',
      path: '/reviews-due',
      icon: IconCalendarDue,
      label: (t) => t('evaluationModels.nav.due'),
      // For those who take part in evaluations (the list alone is open to every reader of files).
      needs: ['evaluations.due', 'evaluations.startRoundJob'],
      component: DuePage,
      order: 17,
    },
    {
      id: 'scoring-models',
      path: '/scoring-models',
      icon: IconScale,
      label: (t) => t('evaluationModels.nav.models'),
      needs: ['evaluations.models', 'evaluations.saveModelDraft', 'evaluations.publishModel'],
      component: ModelsPage,
      order: 57,
      children: [{ path: '/scoring-models/:modelId', component: ModelEditorPage }],
    },
  ],
  homeCards: [
    {
      id: 'reviews-due',
      icon: IconCalendarDue,
      title: (t) => t('evaluationModels.nav.due'),
      description: (t) => t('evaluationModels.home.due'),
      path: '/reviews-due',
      needs: ['evaluations.due', 'evaluations.startRoundJob'],
      order: 17,
      summary: DueSummary,
    },
    {
      id: 'scoring-models',
      icon: IconScale,
      title: (t) => t('evaluationModels.nav.models'),
      description: (t) => t('evaluationModels.home.models'),
      path: '/scoring-models',
      needs: ['evaluations.saveModelDraft'],
      order: 57,
    },
  ],
};
