import { at, caseHistory as history } from './case-history.fixture';
import { CaseReplay, withServerMarks } from './case-replay';

describe('CaseReplay', () => {
  it('shows the case as it stood after any revision, folded with the engine', () => {
    // given
    const replay = new CaseReplay(history());

    // when
    const parallel = replay.viewAt(10);
    const head = replay.headView();

    // then
    expect(parallel.revision).toBe(10);
    expect(parallel.active.map((element) => element.elementId)).toEqual(['Task_PlanningPermit', 'Task_DesignReview']);
    expect(parallel.tasks.map((task) => task.name)).toEqual(['建设工程规划许可', '施工图设计审查']);
    expect(parallel.completed).toEqual([{ elementId: 'Task_WindowCheck', count: 1 }]);
    expect(parallel.takenFlows).toEqual(['Flow_1']);
    expect(parallel.variables).toEqual({ applicantName: '晋南', materialsComplete: true });
    expect(head.revision).toBe(12);
    expect(head.tasks.map((task) => task.elementId)).toEqual(['Task_DesignReview']);
    expect(replay.viewAt(0).tasks).toEqual([]);
    expect(replay.viewAt(99).revision).toBe(12);
  });

  it('tells what a step changed up to the chosen event: variables, tasks opened and closed, who and when', () => {
    // given
    const replay = new CaseReplay(history());

    // when
    const changes = replay.changesAt(10);

    // then
    expect(changes).toMatchObject({ revision: 10, actor: 'lf-clerk', at: at(10), variables: [{ name: 'materialsComplete', value: true }] });
    expect(changes?.opened.map((task) => task.elementId)).toEqual(['Task_PlanningPermit', 'Task_DesignReview']);
    expect(changes?.closed.map(({ task, by }) => [task.elementId, by])).toEqual([['Task_WindowCheck', 'lf-clerk']]);
    expect(replay.changesAt(0)?.variables).toEqual([{ name: 'applicantName', value: '晋南' }]);
    expect(replay.changesAt(42)).toBeUndefined();
  });

  it('folds pushed events one by one, ignoring repeats and reporting gaps', () => {
    // given
    const events = history();
    const replay = new CaseReplay(events.slice(0, 5));

    // when / then
    expect(replay.append(events[3])).toBe('repeat');
    expect(replay.append(events[7])).toBe('gap');
    for (const event of events.slice(5)) expect(replay.append(event)).toBe('applied');
    expect(replay.head).toBe(12);
    expect(replay.headView()).toEqual(new CaseReplay(events).headView());
  });

  it('replays a long case from its checkpoints with the same result as a full fold', () => {
    // given 200 variable updates after the start
    const events = history().slice(0, 3);
    for (let i = 0; i < 200; i++) {
      events.push({ ...events[0], revision: events.length, type: 'VariablesSet', data: { variables: { step: i } }, metadata: { commandId: `v${i}` } });
    }
    const replay = new CaseReplay(events);

    // when: revisions out of order, so later ones start from checkpoints taken on the way
    const views = [130, 64, 63, 199].map((revision) => replay.viewAt(revision));

    // then: each equals a full fold of the events up to it (its speed is the web bench's to measure)
    expect(views.map((view) => view.variables['step'])).toEqual([127, 61, 60, 196]);
    expect(views).toEqual([130, 64, 63, 199].map((revision) => new CaseReplay(events.slice(0, revision + 1)).headView()));
  });

  it('keeps the server marks of provisional due times on the live view', () => {
    // given
    const folded = new CaseReplay(history()).headView();
    const server = { ...folded, tasks: folded.tasks.map((task) => ({ ...task, provisional: true, provisionalReason: '暂定 Provisional' })) };

    // when
    const view = withServerMarks(folded, server);

    // then
    expect(view.tasks[0]).toMatchObject({ provisional: true, provisionalReason: '暂定 Provisional' });
  });
});
