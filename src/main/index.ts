// Electron entry point. The shell lives in ./electron; the archive behind it in ./host.
import { startDesktopShell } from './electron/app';

startDesktopShell();
