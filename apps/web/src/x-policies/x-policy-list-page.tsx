import { fiscalYearLabel, Role } from '@app/domain';
import { useEffect, useState } from 'react';
import { Link, useOutletContext } from 'react-router';
import { useMeetings } from '../home/home.queries';
import type { MeetingView } from '../meetings/meetings.queries';
import { paths } from '../routes/paths';
import { useFiscalYearParam } from '../routing/fiscal-year-param';
import { hasRole } from '../session/permission';
import type { Profile } from '../session/profile';
import { ErrorNotice } from '../ui/error-notice';
import { TEXT_LINK } from '../ui/link-styles';
import { Loading } from '../ui/loading';
import { TokyoDateTime } from '../ui/tokyo-date-time';
import { PROVISIONAL_NOTE } from './deadline-text';
import { PhaseCounts } from './phase-counts';
import { StartXPolicies } from './start-x-policies';
import { type XPolicySettings, type XPolicySummary, useXPolicyList, useXPolicySettings } from './x-policies.queries';
import { XPolicySettingsForm } from './x-policy-settings-form';
import { XPolicyTable } from './x-policy-table';

/** /fiscal-years/{fy}/x-policies: every bureau's X policy of the year and where it stands, for anyone logged in. */
export function XPolicyListPage() {
  const fiscalYear = useFiscalYearParam();
  useEffect(() => {
    document.title = '局区X方針｜市政変革 ワークフロー';
  }, []);
  if (fiscalYear === undefined) return <p className="text-std-16N-170">年度の指定が正しくありません。アドレスをご確認ください。</p>;
  return <XPoliciesOfYear key={fiscalYear} fiscalYear={fiscalYear} />;
}

function XPoliciesOfYear({ fiscalYear }: { fiscalYear: number }) {
  const profile = useOutletContext<Profile>();
  const list = useXPolicyList(fiscalYear);
  return (
    <>
      <h1 className="text-std-32B-150 text-solid-gray-900">局区X方針（{fiscalYearLabel(fiscalYear)}）</h1>
      <p className="mt-2 text-std-16N-170 text-solid-gray-700">
        各局・区は自己点検をもとに変革課題と対応策をまとめ、課長・局長・市政変革室の決裁を経て公表します。公表後は課題ごとの進捗を、局長の承認を経て公表します。局・区の名前から各局のX方針を開けます。
      </p>
      <ul className="mt-2 flex flex-wrap gap-x-6 text-std-16N-170">
        {profile.bureau && (
          <li>
            <Link to={paths.xPolicy(fiscalYear, profile.bureau.code)} className={TEXT_LINK}>
              {profile.bureau.name}のX方針を開く
            </Link>
          </li>
        )}
        <li>
          <Link to={paths.publicXPolicies(fiscalYear)} className={TEXT_LINK}>
            市民向けの公表ページ（ログイン不要）
          </Link>
        </li>
      </ul>
      {list.isPending && <Loading label="局区X方針を読み込んでいます" />}
      {list.isError && <ErrorNotice error={list.error} onRetry={() => void list.refetch()} />}
      {list.data && (
        <>
          {hasRole(profile, Role.ReformOffice) && <ReformOfficePart fiscalYear={fiscalYear} items={list.data.items} />}
          <PhaseCounts counts={list.data.counts} />
          <section aria-labelledby="x-policy-rows-heading" className="mt-8">
            <h2 id="x-policy-rows-heading" className="text-std-24B-150 text-solid-gray-900">
              局・区ごとの状況
            </h2>
            <YearDeadline items={list.data.items} />
            <XPolicyTable fiscalYear={fiscalYear} items={list.data.items} />
            {list.data.items.some((item) => item.deadline?.provisional) && <p className="mt-2 text-std-16N-170 text-solid-gray-700">{PROVISIONAL_NOTE}</p>}
          </section>
        </>
      )}
    </>
  );
}

/** The reform office's part: the year's self-inspection items and deadline, and 開始. */
function ReformOfficePart({ fiscalYear, items }: { fiscalYear: number; items: readonly XPolicySummary[] }) {
  const settings = useXPolicySettings(fiscalYear);
  const meetings = useMeetings(fiscalYear);
  const ready = Boolean(settings.data && settings.data.items.length > 0);
  return (
    <section aria-labelledby="x-policy-office-heading" className="mt-8 rounded-8 border-2 border-blue-900 p-4 text-std-16N-170">
      <h2 id="x-policy-office-heading" className="text-std-24B-150">
        市政変革室の操作
      </h2>
      {(settings.isPending || meetings.isPending) && <Loading label="X方針の設定を読み込んでいます" />}
      {settings.isError && <ErrorNotice error={settings.error} onRetry={() => void settings.refetch()} />}
      {meetings.isError && <ErrorNotice error={meetings.error} onRetry={() => void meetings.refetch()} />}
      {settings.isSuccess && meetings.data && (
        <>
          <StartXPolicies fiscalYear={fiscalYear} items={items} ready={ready} />
          <SettingsDisclosure fiscalYear={fiscalYear} settings={settings.data} meetings={meetings.data} anyStarted={items.some((item) => item.started)} />
        </>
      )}
    </section>
  );
}

/** The settings form, open at first only while there is nothing set yet; afterwards the person opens and closes it. */
function SettingsDisclosure({ fiscalYear, settings, meetings, anyStarted }: { fiscalYear: number; settings: XPolicySettings | null; meetings: readonly MeetingView[]; anyStarted: boolean }) {
  const [openAtFirst] = useState(() => !settings || settings.items.length === 0);
  return (
    <details className="mt-6 rounded-8 border border-solid-gray-420 p-4" open={openAtFirst}>
      <summary className="cursor-pointer text-std-16B-170 text-blue-1000 underline underline-offset-4">
        自己点検の項目と公表の期限{settings ? `（項目 ${settings.items.length}件）` : '（未設定）'}
      </summary>
      <div className="mt-4">
        <XPolicySettingsForm fiscalYear={fiscalYear} settings={settings} meetings={meetings} anyStarted={anyStarted} />
      </div>
    </details>
  );
}

/** The year's one deadline for the plans, with the X会議 it is pegged to: said once above the rows that each show its day. */
function YearDeadline({ items }: { items: readonly XPolicySummary[] }) {
  const deadline = items.find((item) => item.deadline)?.deadline;
  if (!deadline) return null;
  return (
    <p className="mt-2 text-std-16N-170">
      {deadline.label}の期限：<TokyoDateTime instant={deadline.dueAt} />
      {deadline.meetingName && `（${deadline.meetingName}（${deadline.meetingDateLabel}）に向けて）`}
    </p>
  );
}
