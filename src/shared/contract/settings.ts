import { z } from 'zod';
import { method } from './method';
import { empty, settings, text } from './schemas';

// Settings of the whole archive.
export const settingsMethods = {
  'settings.get': method({ input: empty, output: settings }),
  'settings.update': method({
    input: z.strictObject({ companyName: text(100), idleLockMinutes: z.number().int().min(1).max(240) }),
    output: settings,
    permission: 'settings.manage',
    writes: true,
  }),
};
