// The names of the built-in roles and departments (stored in Chinese as data), by code: the
// screens and the audit register's export show them in the reader's language.
export const dataZhCN = {
  role: {
    sysadmin: '系统管理员',
    archivist: '档案管理员',
    credit_manager: '信用经理',
    account_manager: '客户经理',
    service_manager: '客服经理',
    reviewer: '评审人',
    dept_manager: '部门经理',
    legal: '法务专员',
    general_affairs_manager: '综合部经理',
    finance_manager: '计划财务部经理',
    marketing_vp: '营销中心副总',
    general_manager: '总经理',
    co_department: '协办部门',
    leadership: '公司领导',
    auditor: '内部审计员',
  },
  department: {
    credit: '信用管理部门',
    business: '业务部门',
    marketing: '营销中心',
    general_affairs: '综合部',
    finance: '计划财务部',
    legal: '法律事务部',
    management: '总经理办公室',
    audit: '内部审计',
  },
};
