import { recordsMethods } from '../../../../shared/contract/records';
import type { ArchiveLookups } from '../lookups';
import type { KnownContracts } from './contracts';
import { ledgerReaders } from './ledger';
import { fieldMaxLength, type ColumnMap, type KindChecker, type ProblemList } from './rows';

// Payments received: the rules of records.addPayment.

export interface PaymentRecord {
  customer_id: string;
  contract_id: string | null;
  amount_fen: number;
  paid_on: string;
  ref: string | null;
}

const REF_MAX = fieldMaxLength(recordsMethods['records.addPayment'].input, 'ref');

export function paymentsChecker(columns: ColumnMap, lookups: ArchiveLookups, problems: ProblemList, contracts: KnownContracts | null): KindChecker<PaymentRecord> {
  const iNumber = columns.index.ref!;
  const iDay = columns.index.paidOn!;
  const { cell, customerOf, amountOf, dayOf, numberOf, contractOf, remember, finish } = ledgerReaders('payments', columns, lookups, problems, contracts, {
    column: 'ref',
    max: REF_MAX,
  });
  return {
    row: ({ n, cells }) => {
      const customer = customerOf(n, cells);
      const amount = amountOf(n, cells);
      const paidOn = dayOf(n, cells, iDay, 'paidOn', true);
      const ref = numberOf(n, cells);
      const contractId = contractOf(n, cells, customer);
      if (customer && ref) remember(n, customer.id, '', ref, cell(cells, iNumber));
      if (!customer || amount === undefined || !paidOn || contractId === undefined || ref === undefined) return null;
      return { customer_id: customer.id, contract_id: contractId, amount_fen: amount, paid_on: paidOn, ref } satisfies PaymentRecord;
    },
    finish,
  };
}
