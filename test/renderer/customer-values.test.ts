// The customer form's value model: values as typed become the contract's input (checked
// by the contract's own schema), stored basics become values, and a change of key data is
// recognised as the host will store it.
import { describe, expect, it } from 'vitest';
import type { CustomerFile } from '../../src/shared/contract';
import {
  changedKeyData,
  customerSchema,
  EMPTY_CUSTOMER,
  newContact,
  readCustomerValues,
  valuesOf,
  type CustomerValues,
} from '../../src/renderer/src/features/customers/customerValues';

const DEPARTMENT = '0192f000-0000-7000-8000-00000000000d';
const CUSTOMER = '0192f000-0000-7000-8000-00000000000c';
const USER = { id: '0192f000-0000-7000-8000-000000000001', displayName: '陈杰' };

const typed: CustomerValues = {
  ...EMPTY_CUSTOMER,
  name: ' 北京华信科技有限公司 ',
  creditCode: '91110000600037341l',
  idNumber: '110105199001011234',
  registeredCapital: '¥5,000,000',
  bankName: '中国工商银行北京分行',
  bankAccount: '6222 0202 0011 2233',
  departmentId: DEPARTMENT,
  contacts: [{ ...newContact('row-1', 0), name: '王会计', phone: '010-12345678' }],
};

const basics: CustomerFile['basics'] = {
  id: CUSTOMER,
  kind: 'enterprise',
  name: '北京华信科技有限公司',
  creditCode: '91110000600037341L',
  idNumber: null,
  enterpriseNature: 'private',
  registeredCapitalFen: 500_000_000,
  legalRepresentative: '张伟',
  personInCharge: null,
  address: null,
  bankName: '中国工商银行北京分行',
  bankAccount: '6222020200112233',
  industry: '软件和信息技术服务业',
  serviceType: 'integration',
  cooperationStart: '2021-03-01',
  departmentId: DEPARTMENT,
  departmentName: '业务一部',
  grade: null,
  creditLimitFen: null,
  creditTermDays: null,
  warningState: 'none',
  confidentiality: 'normal',
  enteredBy: USER,
  enteredAt: '2026-12-02T05:25:14.000Z',
  createdAt: '2026-12-02T05:25:14.000Z',
  updatedAt: '2026-12-02T05:25:14.000Z',
} as CustomerFile['basics'];

describe('the customer form as the contract input', () => {
  it('a new enterprise: money in fen, no ID number, contacts without their row keys', () => {
    const { input, capitalProblem } = readCustomerValues(typed, null);
    expect(capitalProblem).toBeNull();
    const parsed = customerSchema(null).parse(input);
    expect(parsed).toMatchObject({
      kind: 'enterprise',
      name: '北京华信科技有限公司',
      creditCode: '91110000600037341L',
      idNumber: null,
      registeredCapitalFen: 500_000_000,
      bankAccount: '6222020200112233',
      departmentId: DEPARTMENT,
      contacts: [{ role: 'finance', name: '王会计', phone: '010-12345678', email: null }],
    });
  });

  it('an individual has no credit code, capital or legal representative', () => {
    const { input } = readCustomerValues({ ...typed, kind: 'individual', idNumber: '11010519491231002X' }, null);
    expect(input).toMatchObject({ kind: 'individual', creditCode: null, idNumber: '11010519491231002X', registeredCapitalFen: null, legalRepresentative: null });
  });

  it('capital typed wrong is a problem of its own, and sends no amount', () => {
    const { input, capitalProblem } = readCustomerValues({ ...typed, registeredCapital: '12.345' }, null);
    expect(capitalProblem).toBe('decimals');
    expect(input).toMatchObject({ registeredCapitalFen: null });
  });

  it('an existing customer is updated by id, without contacts', () => {
    const { input } = readCustomerValues(valuesOf(basics), basics);
    expect(input).toMatchObject({ id: CUSTOMER });
    expect('contacts' in input).toBe(false);
    expect(customerSchema(basics).safeParse(input).success).toBe(true);
  });

  it('stored basics read back unchanged', () => {
    const values = valuesOf(basics);
    expect(values.registeredCapital).toBe('5000000.00');
    expect(customerSchema(basics).parse(readCustomerValues(values, basics).input)).toMatchObject({
      registeredCapitalFen: 500_000_000,
      cooperationStart: '2021-03-01',
      personInCharge: null,
    });
  });
});

describe('key data of 双人核验 changed by the form', () => {
  it('as the host stores it: spaces in an account number are no change', () => {
    expect(changedKeyData(basics, { ...valuesOf(basics), bankAccount: '6222 0202 0011 2233' })).toEqual([]);
    expect(changedKeyData(basics, { ...valuesOf(basics), address: '北京市海淀区' })).toEqual([]);
    expect(changedKeyData(basics, { ...valuesOf(basics), bankAccount: '6222020200112234', name: '北京华信' })).toEqual(['name', 'bankAccount']);
  });
});
