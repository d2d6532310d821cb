import type { ErrorBody, ImportProblem, JobPhase } from '../../shared/contract';
import { refusalText, SEAM_MESSAGES } from '../../shared/messages';

// What the command line prints, in Chinese, from the same tables as the app's texts.
const zh = SEAM_MESSAGES['zh-CN'];

/** A refusal: its text, then code and the host's message (for a log or a support call). */
export function errorLine(error: ErrorBody): string {
  const details = error.code === 'VALIDATION' ? ` ${JSON.stringify(error.details)}` : '';
  return `${refusalText('zh-CN', error)} (${error.code}: ${error.message})${details}`;
}

/** One line per import problem, naming the row. */
export function problemLine(p: ImportProblem): string {
  const where = p.row <= 1 ? '表头' : `第 ${p.row} 行`;
  const column = p.column ? `「${p.column}」` : '';
  const value = p.value !== null ? `：${p.value}` : '';
  return `${where}${column} ${zh.importProblems[p.code]} (${p.code})${value}`;
}

export function phaseText(phase: JobPhase): string {
  return zh.jobPhases[phase];
}
