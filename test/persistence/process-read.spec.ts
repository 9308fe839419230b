import { ProcessKind } from '@app/domain';
import { CatalogueRepository, ClusterNaming } from '@app/persistence';
import { DataSource } from 'typeorm';
import { useTestDataSource } from '../support/test-data-source';

describe("finding the processes that name a cluster, as its page's one read does", () => {
  const testbed = useTestDataSource();
  let dataSource: DataSource;
  let catalogue: CatalogueRepository;

  async function insert(kind: ProcessKind, key: string, state: unknown): Promise<void> {
    await dataSource.query(
      `INSERT INTO process_instances (kind, fiscal_year, key, process_id, phase, bureau_code, state, last_event_seq, started_at, updated_at)
       VALUES ($1, 2024, $2, $3, 'OPEN', NULL, $4, 1, now(), now())`,
      [kind, key, `${kind}/${key}`, JSON.stringify(state)],
    );
  }

  beforeAll(async () => {
    dataSource = testbed.dataSource;
    catalogue = new CatalogueRepository(dataSource);
    // Proposal 3 carries the number 27 elsewhere (its own id), which names no cluster.
    await insert(ProcessKind.PlatinumProposal, '1', { id: 1, proposal: { content: { relatedClusterNos: [22, 27] } } });
    await insert(ProcessKind.PlatinumProposal, '2', { id: 2, proposal: { content: { relatedClusterNos: [5] } } });
    await insert(ProcessKind.PlatinumProposal, '27', { id: 27, proposal: { content: null } });
    await insert(ProcessKind.XPolicy, 'kankyo', { plan: { content: { issues: [{ id: 'a', clusterNos: [3] }, { id: 'b', clusterNos: [27, 4] }] } } });
    await insert(ProcessKind.XPolicy, 'kodomo', { plan: { content: { issues: [{ id: 'c', clusterNos: [4] }] } } });
  });

  const PROPOSALS: ClusterNaming = { kind: ProcessKind.PlatinumProposal, field: 'relatedClusterNos' };
  const X_POLICIES: ClusterNaming = { kind: ProcessKind.XPolicy, field: 'clusterNos' };
  const named = async (clusterNo: number) => {
    const { naming } = (await catalogue.findClusterDetail(2024, clusterNo, { proposals: PROPOSALS, xPolicies: X_POLICIES }))!;
    return { proposals: naming.proposals.map((row) => row.subject.key), xPolicies: naming.xPolicies.map((row) => row.subject.key) };
  };

  it('finds the proposals whose related clusters include it, and no other', async () => {
    expect((await named(27)).proposals).toEqual(['1']);
    expect((await named(5)).proposals).toEqual(['2']);
    expect((await named(40)).proposals).toEqual([]);
  });

  it('finds the X policies with an issue naming it, wherever in the list the issue is', async () => {
    expect((await named(27)).xPolicies).toEqual(['kankyo']);
    expect((await named(4)).xPolicies).toEqual(['kankyo', 'kodomo']);
    expect((await named(22)).xPolicies).toEqual([]);
  });
});
