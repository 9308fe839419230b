/** One-shot preparation of a deployment's database and Temporal namespace (docker-compose `setup`). */
import { loadEnvironment, requireSetting, runMain, temporalConnectionSettings } from '@app/config';
import { prepareSystem } from './prepare-system';

runMain(async () => {
  const environment = loadEnvironment();
  await prepareSystem(
    {
      databaseUrl: requireSetting(environment, 'DATABASE_URL'),
      temporal: temporalConnectionSettings(environment),
      taskQueue: environment.TEMPORAL_TASK_QUEUE,
    },
    (line) => process.stdout.write(`${JSON.stringify({ level: 'info', service: 'setup', msg: line })}\n`),
    { demoData: environment.DEMO_DATA },
  );
});
