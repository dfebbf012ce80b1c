// A Kysely plugin that records the statements the app runs, with their parameters and durations,
// so a benchmark can tell the list query from the count query and EXPLAIN the exact SQL it timed.
import {
  type KyselyPlugin,
  type PluginTransformQueryArgs,
  type PluginTransformResultArgs,
  PostgresQueryCompiler,
  type QueryResult,
  type RootOperationNode,
  type UnknownRow,
} from 'kysely';

export type CapturedStatement = { sql: string; parameters: readonly unknown[]; ms: number };

export class SqlCapture implements KyselyPlugin {
  private readonly compiler = new PostgresQueryCompiler();
  private readonly pending = new WeakMap<object, { node: RootOperationNode; started: number }>();
  private statements: CapturedStatement[] = [];

  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    this.pending.set(args.queryId, { node: args.node, started: performance.now() });
    return args.node;
  }

  async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    const entry = this.pending.get(args.queryId);
    if (entry) {
      const compiled = this.compiler.compileQuery(entry.node, args.queryId);
      this.statements.push({
        sql: compiled.sql,
        parameters: compiled.parameters,
        ms: performance.now() - entry.started,
      });
    }
    return args.result;
  }

  /** The statements recorded since the last call. */
  take(): CapturedStatement[] {
    const taken = this.statements;
    this.statements = [];
    return taken;
  }
}
