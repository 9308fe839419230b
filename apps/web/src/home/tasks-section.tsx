import { fiscalYearLabel } from '@app/domain';
import { useState } from 'react';
import { Link } from 'react-router';
import { paths } from '../routes/paths';
import { DueLine } from '../ui/due-line';
import { ErrorNotice } from '../ui/error-notice';
import { Loading } from '../ui/loading';
import { PageButtons, useStayWithinPages } from '../ui/page-buttons';
import { TASKS_PAGE_SIZE, useProcessTasks, useTasks } from './home.queries';

export function TasksSection() {
  const [page, setPage] = useState(1);
  const tasks = useTasks(page);
  useStayWithinPages(page, setPage, tasks.data?.total, TASKS_PAGE_SIZE);
  const [processPage, setProcessPage] = useState(1);
  const processTasks = useProcessTasks(processPage);
  useStayWithinPages(processPage, setProcessPage, processTasks.data?.total, TASKS_PAGE_SIZE);
  const total = tasks.data && processTasks.data ? tasks.data.total + processTasks.data.total : null;
  const none = total === 0;
  return (
    <section aria-labelledby="tasks-heading">
      <h2 id="tasks-heading" className="text-std-24B-150 text-solid-gray-900">
        自分の仕事{total !== null ? `（${total}件）` : ''}
      </h2>
      {(tasks.isPending || processTasks.isPending) && <Loading label="自分の仕事を読み込んでいます" />}
      {tasks.isError && <ErrorNotice error={tasks.error} onRetry={() => void tasks.refetch()} />}
      {processTasks.isError && <ErrorNotice error={processTasks.error} onRetry={() => void processTasks.refetch()} />}
      {none && <p className="mt-4 text-std-16N-170">いま対応が必要な仕事はありません。</p>}
      {tasks.data && tasks.data.items.length > 0 && (
        <ul className="mt-4 flex flex-col gap-4" aria-label="自分の仕事の一覧（期限の近い順）">
          {tasks.data.items.map((task) => (
            <li key={`${task.fiscalYear}-${task.clusterNo}-${task.reportKind}-${task.action}`} className="rounded-8 border border-solid-gray-420 p-4">
              <p className="text-std-16B-170 text-solid-gray-900">
                {task.actionLabel}
                {task.stepLabel ? `（${task.stepLabel}${task.delegated ? '・代理' : ''}）` : ''}：{task.reportLabel}
              </p>
              <p className="text-std-16N-170">
                {fiscalYearLabel(task.fiscalYear)}{' '}
                <Link to={paths.cluster(task.fiscalYear, task.clusterNo)} className="text-blue-1000 underline hover:decoration-[3px]">
                  No.{task.clusterNo} {task.clusterName}
                </Link>
              </p>
              <p className="text-std-16N-170 text-solid-gray-700">段階：{task.stageLabel}</p>
              <DueLine dueAt={task.dueAt} provisional={task.provisional} overdue={task.overdue} className="mt-1 text-std-16N-170" />
            </li>
          ))}
        </ul>
      )}
      {tasks.data && tasks.data.total > TASKS_PAGE_SIZE && (
        <PageButtons label="自分の仕事のページ" page={tasks.data.page} total={tasks.data.total} pageSize={TASKS_PAGE_SIZE} onPage={setPage} />
      )}
      {processTasks.data && processTasks.data.total > 0 && (
        // A section of its own, so its page buttons bring this list back into view, not the one above.
        <section aria-labelledby="process-tasks-heading">
          <h3 id="process-tasks-heading" className="mt-6 text-std-20B-150 text-solid-gray-900">
            局区X方針・プラチナ市役所プロジェクト
          </h3>
          <ul className="mt-4 flex flex-col gap-4" aria-label="局区X方針・プラチナ市役所プロジェクトの仕事の一覧（期限の近い順）">
            {processTasks.data.items.map((task) => (
              <li key={`${task.webPath}-${task.what}`} className="rounded-8 border border-solid-gray-420 p-4">
                <p className="text-std-16B-170 text-solid-gray-900">{task.what}</p>
                <p className="text-std-16N-170">
                  {fiscalYearLabel(task.fiscalYear)}{' '}
                  <Link to={task.webPath} className="text-blue-1000 underline hover:decoration-[3px]">
                    {task.subject}
                  </Link>
                </p>
                <DueLine dueAt={task.dueAt} provisional={task.provisional} overdue={task.overdue} className="mt-1 text-std-16N-170" />
              </li>
            ))}
          </ul>
          {processTasks.data.total > TASKS_PAGE_SIZE && (
            <PageButtons
              label="局区X方針・プラチナ市役所プロジェクトの仕事のページ"
              page={processTasks.data.page}
              total={processTasks.data.total}
              pageSize={TASKS_PAGE_SIZE}
              onPage={setProcessPage}
            />
          )}
        </section>
      )}
    </section>
  );
}
