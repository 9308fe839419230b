import { PRIMARY_BUTTON, SECONDARY_BUTTON } from '../ui/button-styles';
import { ModalDialog, useModalDialog } from '../ui/modal-dialog';
import { DeadlinesForm } from './deadlines-form';
import { FormationForm } from './formation-form';
import { MembersForm } from './members-form';
import { type PlatinumProject, useProjectActions } from './platinum.queries';

/** The reform office's part: the team and its leader, the formation, the year's deadlines. */
export function ProjectOfficeActions({ project }: { project: PlatinumProject }) {
  const permitted = project.permitted;
  const actions = useProjectActions(project.fiscalYear);
  const membersDialog = useModalDialog();
  const formationDialog = useModalDialog();
  const deadlinesDialog = useModalDialog();
  if (!permitted.setMembers && !permitted.recordFormation && !permitted.setDeadlines) return null;
  return (
    <section aria-labelledby="office-actions-heading" className="mt-8 rounded-8 border-2 border-blue-900 p-4">
      <h2 id="office-actions-heading" className="text-std-24B-150">
        市政変革室の操作
      </h2>
      {!project.started && <p className="mt-1">まずPTのメンバーとリーダーを指名してください。続いて結成を記録すると、メンバーが提案を起案できるようになります。</p>}
      {project.started && !project.formation && <p className="mt-1">メンバーとリーダーを確かめて、結成を記録してください。</p>}
      <div className="mt-3 flex flex-wrap gap-3">
        {permitted.setMembers && (
          <button type="button" className={project.started ? SECONDARY_BUTTON : PRIMARY_BUTTON} onClick={membersDialog.open}>
            メンバーとリーダーを指名
          </button>
        )}
        {permitted.recordFormation && (
          <button type="button" className={PRIMARY_BUTTON} onClick={formationDialog.open}>
            結成を記録
          </button>
        )}
        {permitted.setDeadlines && (
          <button type="button" className={SECONDARY_BUTTON} onClick={deadlinesDialog.open}>
            期限を設定
          </button>
        )}
      </div>
      <ModalDialog control={membersDialog} title="PTのメンバーとリーダーの指名">
        <MembersForm project={project} action={actions.setMembers} onDone={membersDialog.close} />
      </ModalDialog>
      <ModalDialog control={formationDialog} title="PTの結成の記録">
        <FormationForm fiscalYear={project.fiscalYear} action={actions.recordFormation} onDone={formationDialog.close} />
      </ModalDialog>
      <ModalDialog control={deadlinesDialog} title="プロジェクトの期限の設定">
        <DeadlinesForm project={project} action={actions.setDeadlines} onDone={deadlinesDialog.close} />
      </ModalDialog>
    </section>
  );
}
