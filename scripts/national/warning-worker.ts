// Runs the API's quality checks off the main thread: they cost as much as building the data.
import { parentPort } from 'node:worker_threads';
import { checkMeasures } from '../../apps/api/src/modules/quality-checks/quality-checks';
import type { WarningRequest } from './warnings';

parentPort!.on('message', (request: WarningRequest) => {
  const counts = request.plans.map((plan) => checkMeasures(plan.context, plan.measures).length);
  parentPort!.postMessage(counts);
});
