import type { CustomersReason } from '../contract/customers';
import type { ActionOf } from './types';

// The texts of the customers domain's codes in Chinese: used by the renderer and the command line.
export const customersZhCN = {
  reasons: {
    creditCodeTaken: '该统一社会信用代码已登记在档案中。',
    idNumberTaken: '该身份证号码已登记在档案中。',
    alreadyVerified: '此客户的关键信息已经核验过了。',
    sameUser: '关键信息必须由录入人以外的另一位同事核验，您不能核验自己录入的信息。',
  } satisfies Record<CustomersReason, string>,
  actions: {
    'customers.search': '查找客户',
    'customers.facets': '查询客户筛选项',
    'customers.get': '查阅客户档案',
    'customers.create': '新建客户',
    'customers.update': '修改客户信息',
    'customers.verify': '核验客户信息',
  } satisfies Record<ActionOf<'customers'>, string>,
};
