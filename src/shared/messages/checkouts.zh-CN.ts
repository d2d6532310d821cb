import type { CheckoutReason } from '../contract/checkouts';
import { CHECKOUT_TEXTS_ZH_CN } from '../domain/checkouts/texts';
import type { ActionOf } from './types';

// The texts of the checkouts domain's codes, for the renderer and the CLI. The words of the
// pure rules' codes are the domain's own (domain/checkouts/texts.ts); a code named in two
// of its lists is said once here, in words that fit both.
const t = CHECKOUT_TEXTS_ZH_CN;

export const checkoutsZhCN = {
  refusal: {
    ...t.policyProblems,
    ...t.loanRefusals,
    ...t.requestProblems,
    needsLoan: t.readRefusals.needsLoan,
    loanNotLent: t.readRefusals.loanNotLent,
    loanReturned: t.readRefusals.loanReturned,
    loanLost: t.readRefusals.loanLost,
    documentNotLent: t.readRefusals.documentNotLent,
    loanPhysicalOnly: t.readRefusals.notElectronic,
    loanOverdue: '借阅已超过归还日期：查阅已结束，请先归还',
    notLent: '该档案当前未借出，不能办理',
    printNotGranted: '查阅申请未获准打印，不能打印',
    exportNotGranted: '查阅申请未获准导出，不能导出',
    criteriaNeedCreditDepartment: '按信用等级或预警状态查找客户仅限信用管理部门',
    documentNotInFile: '所选文件不属于该客户档案',
    itemNotPhysical: '该文件没有实物，不能作为实物借出',
    notCheckoutChain: '该审批单不是档案查阅申请',
    notYourLoan: '您无权查看该借阅',
  } satisfies Record<CheckoutReason, string>,
};

/** The audit actions of the checkouts domain. */
export const checkoutsActionsZhCN = {
  'checkouts.policy': '查看借阅规则',
  'checkouts.setPolicy': '修改借阅规则',
  'checkouts.request': '提交查阅申请',
  'checkouts.get': '查看查阅申请',
  'checkouts.loan': '查看借阅',
  'checkouts.lend': '借出档案',
  'checkouts.return': '归还档案',
  'checkouts.resolveLost': '处理缺失物品',
  'checkouts.renew': '申请续借',
  'checkouts.recall': '催还档案',
  'checkouts.log': '查阅借阅登记簿',
  'checkouts.overdue': '查看逾期借阅',
  'checkouts.mine': '查看我的借阅',
  'checkouts.reminders': '查看借阅提醒',
  'checkouts.ofCustomer': '查看档案的借阅',
  'checkouts.print': '打印档案',
  'checkouts.export': '导出档案',
} satisfies Record<ActionOf<'checkouts'>, string>;
