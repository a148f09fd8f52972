// The one version of the extension and the CLI: package.json's (esbuild keeps only this field).
import { version } from '../../../package.json';

export const VERSION: string = version;
