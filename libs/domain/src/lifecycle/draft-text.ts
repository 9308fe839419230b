import { isBlank } from '../fields/field-limits';
import type { ClusterCase } from './cluster-case';
import { ClusterCommand, textRefOf } from './cluster-commands';
import type { SavedReportText } from './cluster-lifecycle-event';

/** A save as recorded before texts left workflow history: the body itself, and no If-Match. */
interface SaveDraftWithBody {
  readonly type: 'save-draft';
  readonly body: string;
}

const carriesBody = (command: ClusterCommand): command is ClusterCommand & SaveDraftWithBody =>
  command.type === 'save-draft' && typeof (command as Partial<SaveDraftWithBody>).body === 'string';

/** A command as today's rules take it; saves in histories recorded earlier carried their body instead of a reference. */
export function upgradedCommand(command: ClusterCommand): ClusterCommand {
  if (!carriesBody(command)) return command;
  const { body, ...rest } = command;
  return { ...rest, text: textRefOf(body, ''), basedOnVersion: null };
}

/** The version a save-draft command has just added, as its event tells the read model. */
export function savedTextOf(command: ClusterCommand, after: ClusterCase): SavedReportText | null {
  if (command.type !== 'save-draft') return null;
  const version = after.reports.find((report) => report.kind === command.kind)?.latestVersion?.version ?? 0;
  const saved = { kind: command.kind, version, title: command.title };
  if (carriesBody(command)) return { ...saved, empty: isBlank(command.body), textHash: null, body: command.body };
  return { ...saved, empty: command.text.empty, textHash: command.text.hash };
}
