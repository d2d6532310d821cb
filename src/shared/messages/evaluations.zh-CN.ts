import type { ActionOf } from './types';
import { EVALUATION_REFUSALS } from '../domain/evaluations/codes';
import { EVALUATION_REFUSAL_TEXTS } from '../domain/evaluations/texts';
import type { EVALUATION_HOST_REFUSALS } from '../contract/evaluations';

// The texts of the evaluations domain's codes, for the renderer and the CLI. The
// lifecycle's own refusals are worded once, in src/shared/domain/evaluations/texts.ts.
export interface EvaluationsMessages {
  refusal: Record<(typeof EVALUATION_REFUSALS)[number] | (typeof EVALUATION_HOST_REFUSALS)[number], string>;
}

const lifecycle = Object.fromEntries(EVALUATION_REFUSALS.map((c) => [c, EVALUATION_REFUSAL_TEXTS[c]['zh-CN']])) as Record<(typeof EVALUATION_REFUSALS)[number], string>;

export const evaluationsZhCN: EvaluationsMessages = {
  refusal: {
    ...lifecycle,
    reason_required: '请填写理由后再提交',
    unknown_objection: '该异议不存在或已被删除',
    duplicate_id: '编号重复，请刷新后重试',
    evaluationOpen: '该客户已有一项信用评审在进行中，请待其结束后再发起',
    modelNotPublished: '该评分模型还没有发布的版本，不能用于评审',
    modelInvalid: '评分模型有问题，请按提示修改后再保存',
    crosswalkInvalid: '等级对照有问题，请按提示修改后再保存',
    draftExists: '该评分模型已有一个草稿版本，请编辑或发布该草稿',
    notADraft: '只有草稿版本可以发布',
    noManagers: '客户档案中缺少客户经理或客服经理，不能发起评审',
    nothingToPreview: '该客户还没有使用此模型的评审，无法预览',
    reviewerNotUser: '所选评审人不是在职用户',
    evidenceNotOnFile: '所选证明材料不在该客户的档案中',
    statementInconsistent: '财务报表的分项超过了合计（如流动资产大于资产总额），请核对',
  },
};

/** The audit actions of the evaluations domain. */
export const evaluationsActionsZhCN = {
  'evaluations.models': '查看评分模型',
  'evaluations.model': '查看评分模型版本',
  'evaluations.saveModelDraft': '保存评分模型草稿',
  'evaluations.publishModel': '发布评分模型',
  'evaluations.previewModel': '预览评分模型修订',
  'evaluations.crosswalk': '查看等级对照',
  'evaluations.setCrosswalk': '修改等级对照',
  'evaluations.settings': '查看评审设置',
  'evaluations.setSettings': '修改评审设置',
  'evaluations.start': '发起信用评审',
  'evaluations.startRound': '发起年度信用评审',
  'evaluations.startRoundJob': '发起年度信用评审（批量）',
  'evaluations.get': '查阅信用评审',
  'evaluations.list': '查阅客户的信用评审',
  'evaluations.act': '办理信用评审',
  'evaluations.addFinancialStatement': '录入财务报表',
  'evaluations.financialStatements': '查阅财务报表',
  'evaluations.due': '查看待评审客户',
  'evaluations.exportPdf': '导出信用评审表（PDF）',
} satisfies Record<ActionOf<'evaluations'>, string>;
