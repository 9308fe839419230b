import { RestartPolicy } from '../../tools/infra/restart-policy';

const SETTINGS = { initialDelayMs: 1_000, maxDelayMs: 30_000, stableAfterMs: 60_000, maxFailures: 5, windowMs: 300_000 };

/** How long `npm start` waits before starting a part that died again, and when it stops trying. */
describe('restart policy', () => {
  it('waits 1 s, then twice as long after each failure in a row, up to 30 s', () => {
    const policy = new RestartPolicy({ ...SETTINGS, maxFailures: 100 });
    const delays = [0, 10, 20, 30, 40, 50, 60].map((second) => policy.failed(second * 1000, second * 1000 - 500));
    expect(delays.map((decision) => (decision.giveUp ? 'gave up' : decision.delayMs))).toEqual([1_000, 2_000, 4_000, 8_000, 16_000, 30_000, 30_000]);
  });

  it('starts again from 1 s after a part stayed up for a minute', () => {
    const policy = new RestartPolicy(SETTINGS);
    policy.failed(0, -1_000);
    expect(policy.failed(5_000, 2_000)).toEqual({ giveUp: false, delayMs: 2_000 });
    expect(policy.failed(70_000, 7_000)).toEqual({ giveUp: false, delayMs: 1_000 });
  });

  it('counts a restart that did not come up as a failure in a row', () => {
    const policy = new RestartPolicy(SETTINGS);
    policy.failed(0, -120_000);
    expect(policy.failed(1_000)).toEqual({ giveUp: false, delayMs: 2_000 });
  });

  it('gives up at the fifth failure within five minutes, and not when they are spread wider', () => {
    const failing = new RestartPolicy(SETTINGS);
    const decisions = [0, 1, 3, 7, 15].map((second) => failing.failed(second * 1000));
    expect(decisions.slice(0, 4).every((decision) => !decision.giveUp)).toBe(true);
    expect(decisions[4]).toEqual({ giveUp: true, failures: 5, windowMs: 300_000 });

    const spread = new RestartPolicy(SETTINGS);
    const minutes = [0, 2, 4, 6, 8, 10].map((minute) => spread.failed(minute * 60_000, minute * 60_000 - 30_000));
    expect(minutes.some((decision) => decision.giveUp)).toBe(false);
  });
});
