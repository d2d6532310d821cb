import { recordsMethods } from '../../../../shared/contract/records';
import { TRANSACTION_KIND_LABELS } from '../kinds';
import type { ArchiveLookups } from '../lookups';
import { cellText, type Cell } from '../values';
import type { KnownContracts } from './contracts';
import { ledgerReaders } from './ledger';
import { fieldMaxLength, labelReader, type ColumnMap, type KindChecker, type ProblemList } from './rows';

// Transactions (sales and returns): the rules of records.addTransaction.

export interface TransactionRecord {
  customer_id: string;
  contract_id: string | null;
  kind: 'sale' | 'return';
  doc_no: string | null;
  amount_fen: number;
  occurred_on: string;
  due_on: string | null;
}

const DOC_NO_MAX = fieldMaxLength(recordsMethods['records.addTransaction'].input, 'docNo');

export function transactionsChecker(columns: ColumnMap, lookups: ArchiveLookups, problems: ProblemList, contracts: KnownContracts | null): KindChecker<TransactionRecord> {
  const { index } = columns;
  const iNumber = index.docNo!;
  const iKind = index.kind!;
  const iDay = index.occurredOn!;
  const iDue = index.dueOn!;
  const { cell, report, customerOf, amountOf, dayOf, numberOf, contractOf, remember, finish } = ledgerReaders('transactions', columns, lookups, problems, contracts, {
    column: 'docNo',
    max: DOC_NO_MAX,
  });
  const txKind = labelReader(TRANSACTION_KIND_LABELS);

  const typeOf = (n: number, cells: Cell[]): 'sale' | 'return' | undefined => {
    const raw = cell(cells, iKind);
    const text = cellText(raw);
    if (text === null) {
      if (iKind >= 0) report(n, 'kind', 'required', null);
      return undefined;
    }
    const type = txKind(text);
    if (!type) report(n, 'kind', 'transactionKind.invalid', raw);
    return type;
  };

  return {
    row: ({ n, cells }) => {
      const customer = customerOf(n, cells);
      const docNo = numberOf(n, cells);
      const type = typeOf(n, cells);
      const amount = amountOf(n, cells);
      const occurredOn = dayOf(n, cells, iDay, 'occurredOn', true);
      const dueOn = dayOf(n, cells, iDue, 'dueOn', false);
      if (occurredOn && dueOn && occurredOn > dueOn) report(n, 'dueOn', 'date.order', cell(cells, iDue));
      const contractId = contractOf(n, cells, customer);
      if (customer && type && docNo) remember(n, customer.id, type, docNo, cell(cells, iNumber));
      if (!customer || !type || amount === undefined || !occurredOn || dueOn === undefined || contractId === undefined || docNo === undefined) return null;
      return { customer_id: customer.id, contract_id: contractId, kind: type, doc_no: docNo, amount_fen: amount, occurred_on: occurredOn, due_on: dueOn } satisfies TransactionRecord;
    },
    finish,
  };
}
