import { TestBed } from '@angular/core/testing';
import { VariablesEditor } from './variables-editor';

function type(input: HTMLInputElement, text: string): void {
  input.value = text;
  input.dispatchEvent(new Event('input'));
}

describe('VariablesEditor', () => {
  it('turns typed rows into variables, reading JSON values as such', async () => {
    // given
    const fixture = TestBed.createComponent(VariablesEditor);
    await fixture.whenStable();
    const host = fixture.nativeElement as HTMLElement;

    // when
    const [name, value] = Array.from(host.querySelectorAll('input'));
    type(name, 'approved');
    type(value, 'true');
    (host.querySelector('button.secondary') as HTMLButtonElement).click();
    await fixture.whenStable();
    const [, , name2, value2] = Array.from(host.querySelectorAll('input'));
    type(name2, 'remark');
    type(value2, '材料齐全');

    // then
    expect(fixture.componentInstance.variables()).toEqual({ approved: true, remark: '材料齐全' });
  });

  it('starts from the variables it is given', async () => {
    // given
    const fixture = TestBed.createComponent(VariablesEditor);
    fixture.componentRef.setInput('variables', { days: 3 });

    // when
    await fixture.whenStable();

    // then
    const inputs = Array.from((fixture.nativeElement as HTMLElement).querySelectorAll('input'));
    expect(inputs.map((input) => input.value)).toEqual(['days', '3']);
  });
});
