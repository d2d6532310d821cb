// Files the host makes for the user to save (a 评审表 as PDF, later the 借阅登记簿 and the
// 催款函): asked for with a call, saved through the browser's own download, where the
// desktop shell asks the user where it goes and records the saved file. Nothing is kept
// in the page once the download has started.
import { notifications } from '@mantine/notifications';
import { useCallback, useState } from 'react';
import { call } from '../api/client';
import { useErrorText } from './errors';
import { saveBase64 } from './files';

/** What an export call answers (evaluations.exportPdf, imports.template …). */
export interface ExportedFile {
  fileName: string;
  mime: string;
  contentBase64: string;
}

/**
 * An export button's state: `run(make)` asks the host for the file and saves it; while it
 * runs `busy` is true; a refusal (FORBIDDEN, NOT_FOUND …) shows as a red notification in
 * the user's language, and nothing is saved.
 */
export function useExport(): { busy: boolean; run: (make: () => Promise<ExportedFile>) => Promise<boolean> } {
  const [busy, setBusy] = useState(false);
  const errorText = useErrorText();
  const run = useCallback(
    async (make: () => Promise<ExportedFile>) => {
      setBusy(true);
      try {
        const file = await make();
        saveBase64(file.contentBase64, file.fileName, file.mime);
        return true;
      } catch (error) {
        notifications.show({ color: 'red', message: errorText(error) });
        return false;
      } finally {
        setBusy(false);
      }
    },
    [errorText],
  );
  return { busy, run };
}

/**
 * The 评审表 of an evaluation as a PDF, saved where the user chooses: for the evaluation
 * page's 导出 PDF / 打印 button (`const pdf = useEvaluationPdf(); <Button loading={pdf.busy}
 * onClick={() => pdf.save(evaluationId, purpose)}>`).
 */
export function useEvaluationPdf(): { busy: boolean; save: (evaluationId: string, purpose: string) => Promise<boolean> } {
  const { busy, run } = useExport();
  const save = useCallback((evaluationId: string, purpose: string) => run(() => call('evaluations.exportPdf', { evaluationId, purpose })), [run]);
  return { busy, save };
}
