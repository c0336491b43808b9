import { TestBed } from '@angular/core/testing';
import { ProblemList } from './problem-list';

describe('ProblemList', () => {
  it('names the element of each problem', async () => {
    // given
    const fixture = TestBed.createComponent(ProblemList);
    fixture.componentRef.setInput('problems', [
      { elementId: 'Gateway_1', elementType: 'bpmn:ComplexGateway', message: 'not supported' },
      { message: 'no start event' },
    ]);

    // when
    await fixture.whenStable();

    // then
    const items = Array.from((fixture.nativeElement as HTMLElement).querySelectorAll('li'));
    expect(items.map((li) => li.querySelector('code')?.textContent)).toEqual(['Gateway_1', undefined]);
    expect(items.map((li) => li.querySelector('.message')?.textContent)).toEqual(['not supported', 'no start event']);
  });

  it('emits the problem whose element is clicked when selectable', async () => {
    // given
    const fixture = TestBed.createComponent(ProblemList);
    fixture.componentRef.setInput('problems', [{ elementId: 'Gateway_1', message: 'no condition' }, { message: 'no start event' }]);
    fixture.componentRef.setInput('selectable', true);
    const selected: unknown[] = [];
    fixture.componentInstance.selected.subscribe((problem) => selected.push(problem));
    await fixture.whenStable();

    // when
    const buttons = (fixture.nativeElement as HTMLElement).querySelectorAll('button');
    buttons[0].click();

    // then
    expect(buttons).toHaveLength(1);
    expect(buttons[0].getAttribute('aria-label')).toContain('Select Gateway_1');
    expect(selected).toEqual([{ elementId: 'Gateway_1', message: 'no condition' }]);
  });

  it('renders nothing without problems', async () => {
    // given
    const fixture = TestBed.createComponent(ProblemList);

    // when
    await fixture.whenStable();

    // then
    expect((fixture.nativeElement as HTMLElement).querySelector('section')).toBeNull();
  });
});
