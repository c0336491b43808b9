import type { CaseState, ResolvedModel } from '@banjie/engine';
import type { DefinitionRegistry } from './definition-registry';

/** A question the engine asked, and the version it was answered with (undefined: unresolved). */
interface Question {
  key: string;
  version?: number;
  answered?: number;
}

/**
 * The called processes of one command on a case, for the engine's `resolveModel`: only keys
 * deployed in the case's zone resolve, at the version asked for or the latest.
 *
 * `decide` is synchronous and pure, so `resolve` answers from what this instance has in memory
 * and notes every question. `settle` then reads from the definitions store what it could not
 * answer, and every "latest" it answered (another instance may have deployed a newer version
 * since), and tells whether an answer changed: the caller then decides again. A decision thus
 * sees the definitions of the store, after a restart and on every instance sharing it, and
 * finds nested and FEEL-named called processes as the engine reaches them.
 */
export class CalledModels {
  private readonly questions = new Map<string, Question>();

  constructor(
    private readonly definitions: DefinitionRegistry,
    private readonly zoneId: string,
  ) {}

  /** The engine's `resolveModel`. */
  readonly resolve = (key: string, version?: number): ResolvedModel | undefined => {
    const answer = this.definitions.compiledInZone(this.zoneId, key, version);
    this.questions.set(`${key}@${version ?? 'latest'}`, { key, version, answered: answer?.version });
    return answer;
  };

  /** Loads the called processes the case already runs, so that its next decision finds them at once. */
  async preload(state: CaseState): Promise<void> {
    for (const instance of state.instances) {
      // Version 0 is how a case recorded "latest" before called versions were recorded; the engine asks for the latest then.
      for (const ref of [instance.model, instance.calledModel]) if (ref) this.resolve(ref.key, ref.version > 0 ? ref.version : undefined);
    }
    await this.settle();
  }

  /** Reads what the decision asked that memory could not answer, or answered with a latest version; true when an answer changed. */
  async settle(): Promise<boolean> {
    const open = [...this.questions.values()].filter((q) => q.version === undefined || q.answered === undefined);
    this.questions.clear();
    const answers = await Promise.all(open.map((q) => this.definitions.loadInZone(this.zoneId, q.key, q.version)));
    return answers.some((answer, i) => answer?.version !== open[i]?.answered);
  }
}
