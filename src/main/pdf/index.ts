// The PDF module (docs/decisions/0020-pdf.md): a document in the paper-form style, the
// embedded Chinese font, and how dates and money print. Forms build on it: the 评审表
// (services/evaluations/pdf.ts), later the 借阅登记簿, the 催款函 and the audit register.
export { PaperDocument, PDF_COLORS, type Align, type Cell, type GridOptions, type PdfSetup } from './document';
export { PDF_FONT_FILE, pdfFontPath, projectPdfFontPath, type PdfFontPlace } from './font';
export { pdfDay, pdfFileName, pdfMoment, pdfMoney } from './format';
