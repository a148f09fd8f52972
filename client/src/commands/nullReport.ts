// «РРО: отчёт об отсутствии обращений»: a department (searched, or typed as a GUID) and a month
// that has ended (default the previous one) → the JSON file of spec §7 (an assumption until
// format 6.0 §3.4 is known; the layout lives in NULL_REPORT_FIELDS), then offers to reveal it for
// packing. (Sending it is not offered: the API method for it is not in our sources.)
import { writeFile } from 'node:fs/promises';
import * as vscode from 'vscode';
import { buildNullReport, previousMonth } from '../../../server/src/cli/commands/nullReport';
import { pickDepartment } from './departments';
import type { ClientServices } from './index';

export const NULL_REPORT_COMMAND = 'rro.nullReport';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function registerNullReport(services: ClientServices): vscode.Disposable {
  return vscode.commands.registerCommand(NULL_REPORT_COMMAND, async (): Promise<vscode.Uri | undefined> => {
    const search = vscode.l10n.t('Search by name…');
    const typed = await vscode.window.showInputBox({
      title: vscode.l10n.t('RRO: no-appeals report'),
      prompt: vscode.l10n.t('The department GUID (departmentId); leave empty to search by name.'),
      placeHolder: search,
      validateInput: (v) => (v.trim() === '' || GUID.test(v.trim()) ? undefined : vscode.l10n.t('Not a GUID.')),
    });
    if (typed === undefined) return undefined;
    const departmentId = typed.trim() || (await pickDepartment(services))?.id;
    if (!departmentId) return undefined;
    const months = lastMonths(new Date(), 12);
    const month = await vscode.window.showQuickPick(
      months.map((p, i) => ({
        label: `${String(p.month).padStart(2, '0')}.${p.year}`,
        description: i === 0 ? vscode.l10n.t('previous month') : undefined,
        period: p,
      })),
      { title: vscode.l10n.t('RRO: the month without appeals') },
    );
    if (!month) return undefined;
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
    const name = `null-report-${month.period.year}-${String(month.period.month).padStart(2, '0')}.json`;
    const target = await vscode.window.showSaveDialog({
      defaultUri: folder ? vscode.Uri.joinPath(folder, name) : undefined,
      filters: { JSON: ['json'] },
    });
    if (!target) return undefined;
    await writeFile(target.fsPath, JSON.stringify(buildNullReport(departmentId, month.period), null, 2) + '\n', 'utf8');
    services.output.info(`nullReport: written ${target.fsPath}`);
    await vscode.window.showTextDocument(target);
    const reveal = vscode.l10n.t('Reveal for packing');
    void vscode.window
      .showInformationMessage(vscode.l10n.t('RRO: no-appeals report for {0} written.', month.label), reveal)
      .then((pick) => {
        if (pick === reveal) void vscode.commands.executeCommand('revealInExplorer', target);
      });
    return target;
  });
}

/** The `count` months that have ended, the latest first. */
function lastMonths(today: Date, count: number): { year: number; month: number }[] {
  const out = [previousMonth(today)];
  while (out.length < count) {
    const last = out[out.length - 1];
    out.push(last.month === 1 ? { year: last.year - 1, month: 12 } : { year: last.year, month: last.month - 1 });
  }
  return out;
}
