import type { Plugin } from 'graphql-yoga';
import { ANSWER_METER, AnswerMeter } from './answer-meter.ts';
import { codedError } from './coded-error.ts';
import { CostGate } from './cost-gate.ts';
import { listCost } from './list-cost.ts';

/**
 * What one GraphQL request may take of the server, checked around its
 * execution (after parsing and validation, so with its variables):
 * - its cost counting list sizes (list-cost.ts): over `maxListCost` it is
 *   refused before any work, QUERY_TOO_COSTLY;
 * - a turn among large requests (cost-gate.ts): SERVER_BUSY after `queueMs`;
 * - its time: stopped at `timeoutMs`, QUERY_TIMEOUT;
 * - the size of its answer (answer-meter.ts): stopped past
 *   `maxAnswerValues`, ANSWER_TOO_LARGE.
 * A stopped request answers its error alone, with no partial data.
 */
export interface RequestGuardLimits {
  maxListCost: number;
  maxAnswerValues: number;
  timeoutMs: number;
  queueMs: number;
}

/** The executor (@graphql-tools/executor) stops at the next field once this signal is aborted. */
type WithSignal = { signal?: AbortSignal };

export function useRequestGuard(limits: RequestGuardLimits): Plugin<{ [ANSWER_METER]?: AnswerMeter }> {
  // Per server: the gate is this server's own, no module state.
  const gate = new CostGate(limits.maxListCost);
  return {
    async onExecute({ args, executeFn, setExecuteFn, setResultAndStopExecution, extendContext }) {
      const cost = listCost(args.schema, args.document, args.operationName, args.variableValues ?? {});
      if (cost > limits.maxListCost) {
        return void setResultAndStopExecution({
          errors: [
            codedError(
              'QUERY_TOO_COSTLY',
              `the query would cost ${cost.toLocaleString('en')} counting the sizes it asks for (first, limit, ids, times the fields under them and its aliases); the limit is ${limits.maxListCost.toLocaleString('en')}: ask for fewer things at once and page through them`,
              400,
            ),
          ],
        });
      }
      if (!(await gate.enter(cost, limits.queueMs))) {
        return void setResultAndStopExecution({
          errors: [
            codedError(
              'SERVER_BUSY',
              `the server is answering other large requests; try again in a few seconds (it waited ${limits.queueMs / 1000} s for its turn)`,
              503,
            ),
          ],
        });
      }
      const stopper = new AbortController();
      const timer = setTimeout(
        () =>
          stopper.abort(
            codedError(
              'QUERY_TIMEOUT',
              `the query ran longer than ${limits.timeoutMs / 1000} s, the limit per request; ask for less at once`,
              503,
            ),
          ),
        limits.timeoutMs,
      );
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        clearTimeout(timer);
        gate.leave(cost);
      };
      extendContext({ [ANSWER_METER]: new AnswerMeter(limits.maxAnswerValues, (error) => stopper.abort(error)) });
      const given = (args as WithSignal).signal;
      const signal = given ? AbortSignal.any([given, stopper.signal]) : stopper.signal;
      setExecuteFn(async (executeArgs) => {
        try {
          return await executeFn({ ...executeArgs, signal } as typeof executeArgs & WithSignal);
        } catch (error) {
          // The executor stops with the reason it was given: ours become the answer, with their code.
          if (stopper.signal.aborted && error === stopper.signal.reason) return { errors: [stopper.signal.reason] };
          throw error;
        } finally {
          release();
        }
      });
      return { onExecuteDone: release };
    },
  };
}
