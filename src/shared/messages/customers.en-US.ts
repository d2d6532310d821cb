import type { CustomersReason } from '../contract/customers';
import type { ActionOf } from './types';

// The texts of the customers domain's codes in English (the same keys as customers.zh-CN.ts, by type).
export const customersEnUS = {
  reasons: {
    creditCodeTaken: 'This unified social credit code is already in the archive.',
    idNumberTaken: 'This ID number is already in the archive.',
    alreadyVerified: 'This customer’s key data has already been verified.',
    sameUser: 'The key data must be verified by someone other than the person who entered it: you cannot verify your own entry.',
  } satisfies Record<CustomersReason, string>,
  actions: {
    'customers.search': 'Customers searched',
    'customers.facets': 'Customer filters listed',
    'customers.get': 'Customer file read',
    'customers.create': 'Customer created',
    'customers.update': 'Customer edited',
    'customers.verify': 'Customer verified',
  } satisfies Record<ActionOf<'customers'>, string>,
};
