import { BenchContext, FISCAL_YEAR } from './context';
import { OFFICE } from './organisation';
import type { Row } from './report';
import { summarise } from './statistics';

const SAMPLES = 200;
const WARM_UP = 10;
const LISTS = [
  { label: 'GET …/clusters?pageSize=50', query: 'pageSize=50' },
  { label: 'GET …/clusters?pageSize=50&bureau=kankyo&stage=DIRECTION_REPORT', query: 'pageSize=50&bureau=kankyo&stage=DIRECTION_REPORT' },
];

/** 3. Latency of the cluster list, which the API reads from PostgreSQL: the plain first page and a filtered one, alternating. */
export async function measureClusterList(context: BenchContext): Promise<Row[]> {
  context.progress(`[3/3] Cluster list: ${WARM_UP} warm-up calls, then ${SAMPLES} of each list, alternating…`);
  const { token } = context.user(OFFICE);
  const samples = LISTS.map(() => [] as number[]);
  const sizes = LISTS.map(() => '');
  for (let round = 0; round < WARM_UP + SAMPLES; round += 1) {
    for (const [index, list] of LISTS.entries()) {
      const response = await context.api.call<{ items: unknown[]; total: number }>('GET', `/fiscal-years/${FISCAL_YEAR}/clusters?${list.query}`, { token, expect: 200 });
      if (round >= WARM_UP) samples[index].push(response.ms);
      sizes[index] = `${response.body.items.length} of ${response.body.total} rows`;
    }
  }
  return [
    { kind: 'section', title: '3. Cluster list from the read model (sequential)' },
    ...LISTS.map((list, index): Row => ({ kind: 'summary', label: `${list.label} (${sizes[index]})`, summary: summarise(samples[index]) })),
  ];
}
