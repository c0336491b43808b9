import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { Form } from '@bpmn-io/form-js';
import { DesignerPlay, formatBeijingTime, type PlayDraft } from './designer-play';

jest.mock('@bpmn-io/form-js', () => ({ Form: jest.fn() }));

const FormMock = Form as unknown as jest.Mock;

const XML = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" xmlns:banjie="http://banjie.gov.cn/schema/bpmn/1.0" id="defs" targetNamespace="t">
  <bpmn:message id="msg-paid" name="fee-paid">
    <bpmn:extensionElements><zeebe:subscription correlationKey="=applicationId" /></bpmn:extensionElements>
  </bpmn:message>
  <bpmn:process id="play-flow" isExecutable="true">
    <bpmn:startEvent id="start">
      <bpmn:extensionElements><zeebe:formDefinition formId="apply-form" /></bpmn:extensionElements>
      <bpmn:outgoing>f1</bpmn:outgoing>
    </bpmn:startEvent>
    <bpmn:userTask id="review" name="窗口审查 Window check">
      <bpmn:extensionElements>
        <zeebe:userTask />
        <zeebe:assignmentDefinition candidateGroups="lf-window" />
        <zeebe:formDefinition formId="check-form" />
        <banjie:legalLimit workingDays="5" />
      </bpmn:extensionElements>
      <bpmn:incoming>f1</bpmn:incoming><bpmn:outgoing>f2</bpmn:outgoing>
    </bpmn:userTask>
    <bpmn:intermediateCatchEvent id="paid" name="缴费 Fee paid"><bpmn:incoming>f2</bpmn:incoming><bpmn:outgoing>f3</bpmn:outgoing><bpmn:messageEventDefinition messageRef="msg-paid" /></bpmn:intermediateCatchEvent>
    <bpmn:endEvent id="end"><bpmn:incoming>f3</bpmn:incoming></bpmn:endEvent>
    <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="review" />
    <bpmn:sequenceFlow id="f2" sourceRef="review" targetRef="paid" />
    <bpmn:sequenceFlow id="f3" sourceRef="paid" targetRef="end" />
  </bpmn:process>
</bpmn:definitions>`;

const APPLY_FORM = { id: 'apply-form', type: 'default', components: [{ type: 'textfield', key: 'applicationId', label: '申请编号 Application no.', validate: { required: true } }] };
const CHECK_FORM = { id: 'check-form', type: 'default', components: [{ type: 'textfield', key: 'opinion', label: '意见 Opinion' }] };
const DRAFT: PlayDraft = { xml: XML, forms: { 'apply-form': APPLY_FORM, 'check-form': CHECK_FORM }, startFormId: 'apply-form' };

/** One form-js viewer as the mock hands it out: the schema it shows and what its submit answers. */
interface FakeForm {
  importSchema: jest.Mock;
  submit: jest.Mock;
  destroy: jest.Mock;
}

describe('DesignerPlay (试运行 Play)', () => {
  let backend: HttpTestingController;
  let forms: FakeForm[];
  let answers: { data: Record<string, unknown>; errors: Record<string, unknown> }[];

  beforeEach(() => {
    sessionStorage.setItem('banjie.accessToken', 'tok');
    sessionStorage.setItem('banjie.user', JSON.stringify({ id: 'lf-designer', name: '设计', roles: ['designer'], zoneId: 'lf', groups: [] }));
    forms = [];
    answers = [];
    FormMock.mockReset().mockImplementation(() => {
      const form: FakeForm = {
        importSchema: jest.fn().mockResolvedValue({ warnings: [] }),
        submit: jest.fn(() => answers.shift() ?? { data: {}, errors: {} }),
        destroy: jest.fn(),
      };
      forms.push(form);
      return form;
    });
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    backend = TestBed.inject(HttpTestingController);
  });

  afterEach(() => {
    // then, whatever was played: not one request left the browser
    backend.verify();
  });

  async function played(draft: PlayDraft): Promise<ComponentFixture<DesignerPlay>> {
    const fixture = TestBed.createComponent(DesignerPlay);
    fixture.componentRef.setInput('draft', draft);
    await settle(fixture);
    return fixture;
  }

  async function settle(fixture: ComponentFixture<DesignerPlay>): Promise<void> {
    // the draft compiles asynchronously (resource); wait until the panel shows its outcome
    for (let i = 0; i < 50 && fixture.nativeElement.textContent.includes('正在编译'); i++) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      await fixture.whenStable();
    }
    await fixture.whenStable();
  }

  function button(fixture: ComponentFixture<DesignerPlay>, text: string, within: ParentNode = fixture.nativeElement): HTMLButtonElement {
    const found = Array.from(within.querySelectorAll('button')).find((candidate) => candidate.textContent?.includes(text));
    if (!found) throw new Error(`no button "${text}" in: ${fixture.nativeElement.textContent}`);
    return found;
  }

  async function click(fixture: ComponentFixture<DesignerPlay>, text: string, within?: ParentNode): Promise<void> {
    button(fixture, text, within).click();
    await fixture.whenStable();
  }

  function text(fixture: ComponentFixture<DesignerPlay>, testId: string): string {
    return (fixture.nativeElement.querySelector(`[data-testid=${testId}]`)?.textContent ?? '').replace(/\s+/g, ' ').trim();
  }

  function events(fixture: ComponentFixture<DesignerPlay>): string[] {
    return Array.from<HTMLElement>(fixture.nativeElement.querySelectorAll('[data-testid=play-events] li')).map((li) => li.textContent ?? '');
  }

  async function moveClock(fixture: ComponentFixture<DesignerPlay>, workingDays: number): Promise<void> {
    const input = fixture.nativeElement.querySelector('[data-testid=play-clock] input[type=number]') as HTMLInputElement;
    input.value = String(workingDays);
    input.dispatchEvent(new Event('input'));
    await click(fixture, '推进时钟 Move clock');
  }

  it('starts the test case with the start form validated by form-js, its data as variables', async () => {
    // given the draft open in Play, its start form shown
    const fixture = await played(DRAFT);
    expect(fixture.nativeElement.querySelector('[data-testid=play-start-form]')).not.toBeNull();
    expect(forms[0].importSchema).toHaveBeenCalledWith(APPLY_FORM, {});
    expect(text(fixture, 'play-status')).toContain('未启动');

    // when the form has an error, then is filled
    answers.push({ data: {}, errors: { applicationId: ['必填 Required'] } });
    await click(fixture, '启动测试案件 Start test case');
    const refusedEvents = events(fixture);
    answers.push({ data: { applicationId: 'A-7' }, errors: {} });
    await click(fixture, '启动测试案件 Start test case');

    // then the refused try started nothing; the second started the case, whose task is open with its 5-WD deadline
    expect(refusedEvents).toEqual([]);
    expect(text(fixture, 'play-status')).toContain('运行中 running');
    expect(events(fixture)[0]).toContain('CaseStarted');
    expect(events(fixture)[0]).toContain('2026-03-02 09:00');
    const task = text(fixture, 'play-task');
    expect(task).toContain('窗口审查 Window check');
    expect(task).toContain('2026-03-09 24:00');
    expect(task).toContain('正常 On time');
    expect(text(fixture, 'play-message')).toBe('');
  });

  it('completes a task through its form, then correlates the message the case waits for, and the case is completed', async () => {
    // given a started test case
    const fixture = await played(DRAFT);
    answers.push({ data: { applicationId: 'A-7' }, errors: {} });
    await click(fixture, '启动测试案件 Start test case');

    // when the task is completed through its form
    await click(fixture, '办理 Complete');
    const taskForm = fixture.nativeElement.querySelector('[data-testid=play-task-form]') as HTMLElement;
    expect(forms.at(-1)?.importSchema).toHaveBeenCalledWith(CHECK_FORM, { applicationId: 'A-7' });
    answers.push({ data: { opinion: '材料齐全' }, errors: {} });
    await click(fixture, '完成任务 Complete task', taskForm);

    // then the task is done and the case waits for the fee, keyed by its application number
    expect(fixture.nativeElement.querySelector('[data-testid=play-task]')).toBeNull();
    expect(events(fixture).some((event) => event.includes('TaskCompleted'))).toBe(true);
    expect(text(fixture, 'play-message')).toContain('fee-paid');
    expect(text(fixture, 'play-message')).toContain('A-7');

    // when the message is sent
    await click(fixture, '发送消息 Correlate');

    // then the test case is completed
    expect(text(fixture, 'play-status')).toContain('已办结 completed');
    expect(events(fixture).at(-1)).toContain('CaseCompleted');
  });

  it('moving the test clock by working days turns the deadline yellow, then red', async () => {
    // given a task due at the end of 2026-03-09 (5 working days from Monday 2026-03-02)
    const fixture = await played(DRAFT);
    answers.push({ data: { applicationId: 'A-7' }, errors: {} });
    await click(fixture, '启动测试案件 Start test case');

    // when the clock moves 4 working days
    await moveClock(fixture, 4);

    // then the clock reads the end of the 4th working day and the task shows its yellow card
    expect(text(fixture, 'play-clock')).toContain('2026-03-07 00:00');
    expect(fixture.nativeElement.querySelector('[data-testid=play-task] .badge-yellow')).not.toBeNull();
    expect(text(fixture, 'play-task')).not.toContain('正常');

    // when it moves 2 more
    await moveClock(fixture, 2);

    // then the card is red
    expect(fixture.nativeElement.querySelector('[data-testid=play-task] .badge-red')?.textContent).toContain('红牌');
  });

  it('counts the working days over 国庆 National Day 2026 on the zone calendar', async () => {
    // given the clock moved to 2026-09-30 09:00 Beijing time before the start
    const fixture = await played(DRAFT);
    const instant = fixture.nativeElement.querySelector('[data-testid=play-clock] input[type=datetime-local]') as HTMLInputElement;
    instant.value = '2026-09-30T09:00';
    instant.dispatchEvent(new Event('input'));
    await click(fixture, '推进到该时刻 Move to time');

    // when the case starts
    answers.push({ data: { applicationId: 'A-8' }, errors: {} });
    await click(fixture, '启动测试案件 Start test case');

    // then 5 working days skip the holiday week 10-01…10-07 and count the make-up Saturday 10-10:
    // 10-08, 10-09, 10-10, 10-12, 10-13 (not 10-07 as plain weekdays would give)
    expect(text(fixture, 'play-clock')).toContain('2026-09-30 09:00');
    expect(text(fixture, 'play-task')).toContain('2026-10-13 24:00');
  });

  it('refuses a clock move that is not a whole number of working days, and Restart begins a new run', async () => {
    // given a started case
    const fixture = await played(DRAFT);
    answers.push({ data: { applicationId: 'A-7' }, errors: {} });
    await click(fixture, '启动测试案件 Start test case');

    // when the clock is moved by 0 working days
    await moveClock(fixture, 0);

    // then it is refused, naming the problem, and the clock stands
    expect(fixture.nativeElement.querySelector('[role=alert]')?.textContent).toContain('Enter a whole number of working days from 1');
    expect(text(fixture, 'play-clock')).toContain('2026-03-02 09:00');

    // when Play is restarted
    await click(fixture, '重新开始 Restart');

    // then the run is new: no events, not started, its start form shown again
    expect(events(fixture)).toEqual([]);
    expect(text(fixture, 'play-status')).toContain('未启动');
    expect(fixture.nativeElement.querySelector('[data-testid=play-start-form]')).not.toBeNull();
  });

  it('lists the problems of a draft that does not compile and offers no start', async () => {
    // given a draft whose user task links a form the flow does not have
    const fixture = await played({ xml: XML, forms: { 'apply-form': APPLY_FORM } });

    // then
    expect(fixture.nativeElement.querySelector('bj-problem-list')?.textContent).toContain('check-form');
    expect(fixture.nativeElement.textContent).not.toContain('启动测试案件');
  });

  it('shows the clock as Beijing wall time', () => {
    expect(formatBeijingTime('2026-03-02T01:00:00Z')).toBe('2026-03-02 09:00');
    expect(formatBeijingTime('2026-10-08T00:00:00+08:00')).toBe('2026-10-08 00:00');
  });
});
