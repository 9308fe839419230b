import { useEffect } from 'react';
import { fiscalYearLabel } from '@app/domain';
import { Link, useOutletContext } from 'react-router';
import { useBoardYear } from '../board/board-year';
import { paths } from '../routes/paths';
import type { Profile } from '../session/profile';
import { TEXT_LINK } from '../ui/link-styles';
import { InboxSection } from './inbox-section';
import { NextMeetingSection } from './next-meeting-section';
import { TasksSection } from './tasks-section';

export function HomePage() {
  const profile = useOutletContext<Profile>();
  const boardYear = useBoardYear();
  useEffect(() => {
    document.title = 'ホーム｜市政変革 ワークフロー';
  }, []);
  return (
    <>
      <h1 className="text-std-32B-150 text-solid-gray-900">ホーム</h1>
      <p className="mt-2 text-std-16N-170 text-solid-gray-700">{profile.displayName} さんの仕事とお知らせです。</p>
      {boardYear !== undefined && (
        <p className="mt-2 text-std-16N-170">
          <Link to={paths.board(boardYear)} className={TEXT_LINK}>
            {fiscalYearLabel(boardYear)}の進捗ボード（全事業群の進み具合）
          </Link>
        </p>
      )}
      <div className="mt-8 grid gap-8 lg:grid-cols-3">
        <div className="lg:col-span-2">
          <TasksSection />
        </div>
        <div className="flex flex-col gap-8">
          <NextMeetingSection />
          <InboxSection />
        </div>
      </div>
    </>
  );
}
