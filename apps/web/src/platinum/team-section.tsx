import { japaneseEraDateWithIso } from '@app/domain';
import type { PlatinumProject } from './platinum.queries';

const HEAD = 'border-b-2 border-solid-gray-600 px-2 py-2 text-left text-std-16B-170';
const CELL = 'border-b border-solid-gray-420 px-2 py-2 align-top';

/** The PT: when it was formed, its leader and its members with their bureaus. */
export function TeamSection({ project }: { project: PlatinumProject }) {
  const leader = project.members.find((member) => member.leader);
  return (
    <section aria-labelledby="team-heading" className="rounded-8 border border-solid-gray-420 p-4">
      <h2 id="team-heading" className="text-std-20B-150 text-solid-gray-900">
        PT（プロジェクトチーム）
      </h2>
      <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-4 text-std-16N-170">
        <dt className="font-bold">結成</dt>
        <dd>{project.formation ? `${japaneseEraDateWithIso(project.formation.date)}（記録：${project.formation.recordedBy.name}さん）` : 'まだ結成されていません'}</dd>
        <dt className="font-bold">リーダー</dt>
        <dd>{leader ? `${leader.name}さん${leader.bureau ? `（${leader.bureau.name}）` : ''}` : '未指名'}</dd>
        <dt className="font-bold">メンバー</dt>
        <dd>{project.members.length}人</dd>
      </dl>
      {project.members.length === 0 ? (
        <p className="mt-2 text-std-16N-170">{project.started ? 'メンバーはいません。' : '市政変革室がメンバーとリーダーを指名すると、プロジェクトが始まります。'}</p>
      ) : (
        <table className="mt-3 w-full border-collapse text-std-16N-170">
          <caption className="sr-only">PTのメンバー</caption>
          <thead>
            <tr>
              <th scope="col" className={HEAD}>氏名</th>
              <th scope="col" className={HEAD}>所属</th>
              <th scope="col" className={HEAD}>役割</th>
            </tr>
          </thead>
          <tbody>
            {project.members.map((member) => (
              <tr key={member.id}>
                <th scope="row" className={`${CELL} text-left font-normal`}>{member.name}</th>
                <td className={CELL}>{member.bureau?.name ?? '—'}</td>
                <td className={CELL}>{member.leader ? <span className="font-bold">PTリーダー</span> : 'メンバー'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
