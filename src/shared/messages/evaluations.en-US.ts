import type { ActionOf } from './types';
import { EVALUATION_REFUSALS } from '../domain/evaluations/codes';
import { EVALUATION_REFUSAL_TEXTS } from '../domain/evaluations/texts';
import type { EvaluationsMessages } from './evaluations.zh-CN';

const lifecycle = Object.fromEntries(EVALUATION_REFUSALS.map((c) => [c, EVALUATION_REFUSAL_TEXTS[c]['en-US']])) as Record<(typeof EVALUATION_REFUSALS)[number], string>;

export const evaluationsEnUS: EvaluationsMessages = {
  refusal: {
    ...lifecycle,
    reason_required: 'Give the reason before sending',
    unknown_objection: 'No such objection on this evaluation',
    duplicate_id: 'This id is already used; reload and try again',
    evaluationOpen: 'The customer has a credit evaluation under way; start another once it has ended',
    modelNotPublished: 'The scoring model has no published version to evaluate with',
    modelInvalid: 'The scoring model has problems; correct them and save again',
    crosswalkInvalid: 'The grade crosswalk has problems; correct them and save again',
    draftExists: 'The scoring model already has a draft version; edit or publish that draft',
    notADraft: 'Only a draft version can be published',
    noManagers: 'The customer file lacks an account manager or a service manager; no evaluation can start',
    nothingToPreview: 'The customer has no evaluation on this model to preview on',
    reviewerNotUser: 'The reviewer chosen is not an active user',
    evidenceNotOnFile: 'An evidence document chosen is not in this customer file',
    statementInconsistent: 'A part of the financial statement exceeds its whole (e.g. current assets above total assets)',
  },
};

export const evaluationsActionsEnUS = {
  'evaluations.models': 'Scoring models viewed',
  'evaluations.model': 'Scoring model version viewed',
  'evaluations.saveModelDraft': 'Scoring model draft saved',
  'evaluations.publishModel': 'Scoring model published',
  'evaluations.previewModel': 'Scoring model revision previewed',
  'evaluations.crosswalk': 'Grade crosswalk viewed',
  'evaluations.setCrosswalk': 'Grade crosswalk changed',
  'evaluations.settings': 'Evaluation settings viewed',
  'evaluations.setSettings': 'Evaluation settings changed',
  'evaluations.start': 'Credit evaluation started',
  'evaluations.startRound': 'Year-end evaluation round started',
  'evaluations.startRoundJob': 'Year-end evaluation round started (batch)',
  'evaluations.get': 'Credit evaluation read',
  'evaluations.list': "Customer's credit evaluations read",
  'evaluations.act': 'Credit evaluation step taken',
  'evaluations.addFinancialStatement': 'Financial statement entered',
  'evaluations.financialStatements': 'Financial statements read',
  'evaluations.due': 'Customers due for review listed',
  'evaluations.exportPdf': 'Credit review form exported (PDF)',
} satisfies Record<ActionOf<'evaluations'>, string>;
