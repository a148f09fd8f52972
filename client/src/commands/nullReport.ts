// «РРО: отчёт об отсутствии обращений»: a department (searched, or typed as a GUID) and a month
// that has ended (default the previous one) → the JSON file of spec §7 (an assumption until
// format 6.0 §3.4 is known; the layout lives in NULL_REPORT_FIELDS), then offers to reveal it for
// packing. (Sending it is not offered: the API method for it is not in our sources.)
// Scripts and tests may pass every answer as an argument; a month that has not ended is refused.
import { writeFile } from 'node:fs/promises';
import * as vscode from 'vscode';
import {
  buildNullReport,
  monthEnded,
  previousMonth,
  type NullReportPeriod,
} from '../../../server/src/cli/commands/nullReport';
import { pickDepartment } from './departments';
import type { ClientServices } from './index';

export const NULL_REPORT_COMMAND = 'rro.nullReport';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface NullReportArgs {
  departmentId?: string;
  year?: number;
  month?: number;
  output?: vscode.Uri;
}

export function registerNullReport(services: ClientServices): vscode.Disposable {
  return vscode.commands.registerCommand(
    NULL_REPORT_COMMAND,
    async (args: NullReportArgs = {}): Promise<vscode.Uri | undefined> => {
      const departmentId = args.departmentId ?? (await askDepartment(services));
      if (!departmentId) return undefined;
      if (!GUID.test(departmentId)) {
        void vscode.window.showErrorMessage(vscode.l10n.t('RRO: “{0}” is not a department GUID.', departmentId));
        return undefined;
      }
      const period =
        args.year !== undefined && args.month !== undefined ? { year: args.year, month: args.month } : await askMonth();
      if (!period) return undefined;
      if (!Number.isInteger(period.month) || period.month < 1 || period.month > 12 || !monthEnded(period, new Date())) {
        void vscode.window.showErrorMessage(
          vscode.l10n.t('RRO: {0}/{1} has not ended: the report covers a whole past month.', period.month, period.year),
        );
        return undefined;
      }
      const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
      const name = `null-report-${period.year}-${String(period.month).padStart(2, '0')}.json`;
      const target =
        args.output ??
        (await vscode.window.showSaveDialog({
          defaultUri: folder ? vscode.Uri.joinPath(folder, name) : undefined,
          filters: { JSON: ['json'] },
        }));
      if (!target) return undefined;
      await writeFile(target.fsPath, JSON.stringify(buildNullReport(departmentId, period), null, 2) + '\n', 'utf8');
      services.output.info(`nullReport: written ${target.fsPath}`);
      if (args.output) return target;
      await vscode.window.showTextDocument(target);
      const reveal = vscode.l10n.t('Reveal for packing');
      const label = `${String(period.month).padStart(2, '0')}.${period.year}`;
      void vscode.window
        .showInformationMessage(vscode.l10n.t('RRO: no-appeals report for {0} written.', label), reveal)
        .then((pick) => {
          if (pick === reveal) void vscode.commands.executeCommand('revealInExplorer', target);
        });
      return target;
    },
  );
}

async function askDepartment(services: ClientServices): Promise<string | undefined> {
  const typed = await vscode.window.showInputBox({
    title: vscode.l10n.t('RRO: no-appeals report'),
    prompt: vscode.l10n.t('The department GUID (departmentId); leave empty to search by name.'),
    placeHolder: vscode.l10n.t('Search by name…'),
    validateInput: (v) => (v.trim() === '' || GUID.test(v.trim()) ? undefined : vscode.l10n.t('Not a GUID.')),
  });
  if (typed === undefined) return undefined;
  return typed.trim() || (await pickDepartment(services))?.id;
}

async function askMonth(): Promise<NullReportPeriod | undefined> {
  const picked = await vscode.window.showQuickPick(
    lastMonths(new Date(), 12).map((p, i) => ({
      label: `${String(p.month).padStart(2, '0')}.${p.year}`,
      description: i === 0 ? vscode.l10n.t('previous month') : undefined,
      period: p,
    })),
    { title: vscode.l10n.t('RRO: the month without appeals') },
  );
  return picked?.period;
}

/** The `count` months that have ended, the latest first. */
function lastMonths(today: Date, count: number): NullReportPeriod[] {
  const out = [previousMonth(today)];
  while (out.length < count) {
    const last = out[out.length - 1];
    out.push(last.month === 1 ? { year: last.year - 1, month: 12 } : { year: last.year, month: last.month - 1 });
  }
  return out;
}
