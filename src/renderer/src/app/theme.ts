import { createTheme } from '@mantine/core';

// System fonts only (the CSP allows nothing remote, and the app is offline): the CJK
// faces each platform ships, then generic sans-serif.
const FONT_STACK = [
  '-apple-system',
  'BlinkMacSystemFont',
  '"Segoe UI"',
  '"PingFang SC"',
  '"Hiragino Sans GB"',
  '"Microsoft YaHei"',
  '"Noto Sans CJK SC"',
  '"Noto Sans SC"',
  '"Source Han Sans SC"',
  '"WenQuanYi Micro Hei"',
  'sans-serif',
].join(', ');

export const theme = createTheme({
  primaryColor: 'blue',
  defaultRadius: 'md',
  fontFamily: FONT_STACK,
  headings: { fontFamily: FONT_STACK, fontWeight: '600' },
  fontFamilyMonospace: 'ui-monospace, "SFMono-Regular", "Cascadia Mono", "Noto Sans Mono CJK SC", "DejaVu Sans Mono", monospace',
});
