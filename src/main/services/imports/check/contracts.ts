import { recordsMethods } from '../../../../shared/contract/records';
import { CONTRACT_STATUS_LABELS } from '../kinds';
import { nameKey, type ArchiveLookups, type KnownCustomer } from '../lookups';
import { cellText, parseFen } from '../values';
import { fieldMaxLength, labelReader, type CheckOptions, type KindChecker, type RowReaders } from './rows';

// Contracts: the rules of records.addContract, in plain code for files of many rows. The
// customer is named by credit code (or ID number) or, where the file has none, by name.

export interface ContractRecord {
  customer_id: string;
  department_id: string;
  contract_no: string;
  title: string;
  amount_fen: number;
  signed_on: string;
  start_on: string | null;
  end_on: string | null;
  status: 'active' | 'completed' | 'terminated';
}

const addContract = recordsMethods['records.addContract'].input;
const CONTRACT_NO_MAX = fieldMaxLength(addContract, 'contractNo');
const TITLE_MAX = fieldMaxLength(addContract, 'title');

/** Contracts already in the archive, by number. */
export type KnownContracts = Awaited<ReturnType<ArchiveLookups['contracts']>>;

export async function contractsChecker(lookups: ArchiveLookups, options: CheckOptions, contracts: KnownContracts, h: RowReaders): Promise<KindChecker<ContractRecord>> {
  const { cellOf, at, report, requiredText, parsed, day, dateOrder, label, department, customerByCode } = h;
  const seen = new Map<string, number>();
  const byName = at('customerName') >= 0 ? await lookups.customersByName() : null;
  const status = labelReader(CONTRACT_STATUS_LABELS);
  return {
    row(row) {
      const contractNo = requiredText(row, 'contractNo', CONTRACT_NO_MAX);
      if (contractNo !== null) {
        if (seen.has(contractNo)) report(row.n, 'contractNo', 'duplicate.inFile', contractNo);
        else {
          seen.set(contractNo, row.n);
          if (contracts.has(contractNo)) report(row.n, 'contractNo', 'duplicate.inArchive', contractNo);
        }
      }
      let customer: KnownCustomer | null | undefined = customerByCode(row, 'creditCode', false);
      if (customer === null) {
        const cell = cellOf(row.cells, at('customerName'));
        const name = cellText(cell);
        if (name === null || !byName) report(row.n, at('creditCode') >= 0 ? 'creditCode' : 'customerName', 'required', null);
        else {
          const found = byName.get(nameKey(name));
          if (found === undefined) report(row.n, 'customerName', 'customer.unknown', cell);
          else if (found === null) report(row.n, 'customerName', 'customer.ambiguous', cell);
          customer = found ?? undefined;
        }
      }
      const title = requiredText(row, 'title', TITLE_MAX);
      const amount = parsed(row, 'amount', parseFen, true);
      const signedOn = day(row, 'signedOn', true);
      const startOn = day(row, 'startOn', false);
      const endOn = day(row, 'endOn', false);
      dateOrder(row, 'endOn', startOn, endOn);
      const state = label(row, 'status', status, 'contractStatus.invalid', 'active');
      const departmentId = department(row, customer?.departmentId ?? options.defaultDepartmentId);
      if (!customer || contractNo === null || title === null || amount == null || !signedOn || startOn === undefined || endOn === undefined || !state || !departmentId) {
        return null;
      }
      return {
        customer_id: customer.id,
        department_id: departmentId,
        contract_no: contractNo,
        title,
        amount_fen: amount,
        signed_on: signedOn,
        start_on: startOn,
        end_on: endOn,
        status: state,
      } satisfies ContractRecord;
    },
    finish: async () => {},
  };
}
