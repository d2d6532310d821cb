import type { ActionOf } from './types';
import type { DunningStepKind, DunningStepStatus, ReminderChannel, SalePaymentState } from '../domain/dunning';
import type { dunningReasons } from '../contract/dunning';

// The texts of the dunning domain's codes (催收), for the renderer and the CLI.
export interface DunningMessages {
  refusal: Record<(typeof dunningReasons.options)[number], string>;
  step: Record<DunningStepKind, string>;
  stepStatus: Record<DunningStepStatus, string>;
  channel: Record<ReminderChannel, string>;
  saleState: Record<SalePaymentState, string>;
}

export const dunningZhCN: DunningMessages = {
  refusal: {
    sale_settled: '该笔销售已结清，无需催收',
    step_not_open: '尚未到该催收步骤的时间',
    step_done: '该催收步骤已经记录过了',
    suspension_in_approval: '停止合作建议正在审批中',
    no_due_date: '该笔销售没有约定付款日期，无法催收',
    notASale: '只能对有效的销售记录催收',
    unknownPlaceholder: '模板中有不存在的字段，请检查 {{…}} 中的名称',
  },
  step: { reminder: '到期前提醒', letter: '催款函', suspension: '保证金转违约金及停止合作建议' },
  stepStatus: { not_yet: '未到时间', due: '待办', missed: '已错过', in_approval: '审批中', done: '已完成', rejected: '未获批准', moot: '无需办理' },
  channel: { phone: '电话', fax: '传真', email: '邮件', visit: '上门' },
  saleState: { paid: '已结清', open: '未到期', due_soon: '即将到期', overdue: '已逾期', no_due_date: '无约定付款日' },
};

/** The audit actions of the dunning domain. */
export const dunningActionsZhCN = {
  'dunning.sales': '查阅销售回款与催收',
  'dunning.work': '查看今日催收事项',
  'dunning.recordReminder': '记录到期前提醒',
  'dunning.letter': '生成催款函',
  'dunning.recommendSuspension': '提出停止合作建议',
  'dunning.template': '查看催款函模板',
  'dunning.setTemplate': '修改催款函模板',
} satisfies Record<ActionOf<'dunning'>, string>;
