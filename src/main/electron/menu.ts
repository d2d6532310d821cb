// The application menu, in Chinese (the shell's only own words; the window's UI is
// translated by the renderer). Reload and developer tools exist only when run from source.
import type { MenuItemConstructorOptions } from 'electron';

export interface MenuOptions {
  /** Run from source (npm start / npm run dev), not from an installed package. */
  isDev: boolean;
  onAbout: () => void;
}

export function menuTemplate(options: MenuOptions): MenuItemConstructorOptions[] {
  const template: MenuItemConstructorOptions[] = [
    { label: '文件', submenu: [{ role: 'quit', label: '退出' }] },
    {
      label: '编辑',
      submenu: [
        { role: 'undo', label: '撤销' },
        { role: 'redo', label: '重做' },
        { type: 'separator' },
        { role: 'cut', label: '剪切' },
        { role: 'copy', label: '复制' },
        { role: 'paste', label: '粘贴' },
        { role: 'selectAll', label: '全选' },
      ],
    },
  ];
  if (options.isDev) {
    template.push({
      label: '视图',
      submenu: [
        { role: 'reload', label: '重新加载' },
        { role: 'toggleDevTools', label: '开发者工具' },
      ],
    });
  }
  template.push({ label: '帮助', submenu: [{ label: '关于', click: () => options.onAbout() }] });
  return template;
}
