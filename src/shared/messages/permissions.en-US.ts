import type { Permission } from '../domain/permissions';

// The names and descriptions of the permissions in English (the same keys as permissions.zh-CN.ts).
export const permissionsEnUS = {
  'users.manage': { name: 'User management', description: 'Create, edit and deactivate users; reset their passwords' },
  'roles.manage': { name: 'Role management', description: 'Change which permissions each role grants' },
  'settings.manage': { name: 'Settings', description: 'Change the company name, the auto-lock time and other settings' },
  'audit.read': { name: 'Audit log', description: 'Read the audit log and verify its chain' },
  'customers.read': { name: 'Read customer files', description: 'Find customers and read their credit files (every reading is recorded with its purpose)' },
  'customers.write': { name: 'Enter customer files', description: 'Register customers; enter contacts, qualifications, contracts, sales, payments and other records' },
  'customers.verify': { name: 'Verify customer data', description: 'Confirm the key data another user entered (two-person verification)' },
  'customers.import': { name: 'Import data', description: 'Import customers, contracts, sales and payments from CSV and XLSX files' },
  'documents.read': { name: 'Read documents', description: 'Open the electronic documents of customer files (watermarked, with a purpose)' },
  'documents.write': { name: 'Register documents', description: 'Upload electronic files; register physical items and where they are kept' },
  'approvals.manage': { name: 'Approval chains', description: 'Edit approval chains, set department heads and see every approval delegation' },
  'creditLimits.request': { name: 'Request credit limit changes', description: "Ask for a customer's credit limit and term to change (effective once approved)" },
  'calendar.manage': { name: 'Manage the working-day calendar', description: "Set the company's closed days and extra working days; import next year's official holidays" },
  'evaluations.manage': { name: 'Manage credit evaluations', description: 'Edit scoring models and the grade crosswalk; consolidate reviews, settle differences, answer objections' },
  'evaluations.take_part': { name: 'Take part in credit evaluations', description: "Start a credit evaluation, fill one's own review sheet, enter an objection for a customer" },
  'checkouts.lend': { name: 'Lending', description: 'Archivist: lend, take back and recall files, read the borrowing log; keeps and reads every file' },
  'checkouts.policy': { name: 'Loan policy', description: 'Set the loan periods, renewals and reading-room rule per confidentiality level' },
  'warnings.manage': { name: 'Manage risk warnings', description: 'Set the warning rules and their thresholds; close warnings' },
  'warnings.work': { name: 'Work risk warnings', description: 'Acknowledge warnings; record notes and the measures taken' },
  'dunning.work': { name: 'Dunning', description: 'Record reminders before due, make collection letters, recommend turning the deposit into a penalty and suspending cooperation' },
} satisfies Record<Permission, { name: string; description: string }>;
