import { ChangeDetectionStrategy, Component, computed, input, linkedSignal, output } from '@angular/core';
import { ROLES, type CreateUserRequest, type ManagedUserView, type Role, type UpdateUserRequest, type ZoneId } from '@banjie/contracts';
import type { ApiProblem } from '@banjie/web-data-access';
import { ProblemList } from '@banjie/web-ui';
import { ROLE_LABELS, parseGroups, zoneName } from './user-labels';

/** What the form asks the page to do. */
export type UserFormSave = { kind: 'create'; request: CreateUserRequest } | { kind: 'update'; id: string; change: UpdateUserRequest };

/**
 * The form of a new user (id, name, first password, zone, roles, groups), or of an existing one
 * (name, zone, roles, groups); the server's refusal is shown under it, field by field.
 */
@Component({
  selector: 'bj-user-form',
  imports: [ProblemList],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <form (submit)="submit($event)" novalidate>
      <div class="fields">
        @if (!user()) {
          <label>
            <span>用户名 User id</span>
            <input name="id" [value]="id()" (input)="id.set(valueOf($event))" autocomplete="off" required pattern="[a-z][a-z0-9._-]{1,63}" placeholder="lf-clerk2" />
          </label>
        }
        <label>
          <span>姓名 Name</span>
          <input name="name" [value]="name()" (input)="name.set(valueOf($event))" required maxlength="100" />
        </label>
        @if (!user()) {
          <label>
            <span>初始密码 Initial password (≥ 8)</span>
            <input name="password" type="password" [value]="password()" (input)="password.set(valueOf($event))" autocomplete="new-password" required minlength="8" />
          </label>
        }
        <label>
          <span>区域 Zone</span>
          <select name="zoneId" (change)="zoneId.set(valueOf($event))" [disabled]="zoneChoices().length === 1">
            @for (choice of zoneChoices(); track choice) {
              <option [value]="choice" [selected]="choice === zoneId()">{{ zoneLabel(choice) }}</option>
            }
          </select>
        </label>
        <label>
          <span>用户组 Groups (逗号分隔 comma separated)</span>
          <input name="groups" [value]="groups()" (input)="groups.set(valueOf($event))" placeholder="window, approval" />
        </label>
      </div>
      <fieldset class="roles">
        <legend>角色 Roles</legend>
        @for (role of roleChoices; track role) {
          <label class="role">
            <input type="checkbox" [attr.name]="'role-' + role" [checked]="roles().includes(role)" (change)="toggle(role, $event)" />
            {{ roleLabels[role] }}
          </label>
        }
      </fieldset>
      @if (problem(); as problem) {
        <p class="error" role="alert">{{ problem.message }}</p>
        <bj-problem-list [problems]="problem.details" heading="服务器拒绝 Refused by the server" />
      }
      <div class="actions">
        <button type="submit" class="primary" [disabled]="busy()">{{ user() ? '保存 Save' : '创建用户 Create user' }}</button>
        @if (user()) {
          <button type="button" (click)="closed.emit()">取消 Cancel</button>
        }
      </div>
    </form>
  `,
  styles: `
    .fields { display: grid; grid-template-columns: repeat(auto-fill, minmax(14rem, 1fr)); gap: 0.5rem 0.75rem; }
    label { display: grid; gap: 0.2rem; font-size: 0.85rem; }
    .roles { border: 1px solid var(--bj-border); border-radius: var(--bj-radius); margin: 0.6rem 0; padding: 0.4rem 0.6rem; display: flex; flex-wrap: wrap; gap: 0.35rem 1rem; }
    .roles legend { font-size: 0.85rem; padding: 0 0.25rem; }
    .role { display: flex; align-items: center; gap: 0.3rem; }
    .error { color: var(--bj-red-fg); margin: 0.35rem 0; }
    .actions { display: flex; gap: 0.5rem; margin-top: 0.5rem; }
  `,
})
export class UserForm {
  /** The user edited; none for a new user. */
  readonly user = input<ManagedUserView | null>(null);
  /** The zones the admin may put a user in. */
  readonly zoneChoices = input.required<ZoneId[]>();
  /** A save is under way. */
  readonly busy = input(false);
  /** The server's answer to the last save. */
  readonly problem = input<ApiProblem | null>(null);
  readonly save = output<UserFormSave>();
  readonly closed = output<void>();

  protected readonly roleChoices = ROLES;
  protected readonly roleLabels = ROLE_LABELS;
  protected readonly id = linkedSignal({ source: this.user, computation: () => '' });
  protected readonly password = linkedSignal({ source: this.user, computation: () => '' });
  protected readonly name = linkedSignal(() => this.user()?.name ?? '');
  protected readonly zoneId = linkedSignal<string>(() => this.user()?.zoneId ?? this.zoneChoices()[0] ?? 'province');
  protected readonly roles = linkedSignal<Role[]>(() => [...(this.user()?.roles ?? ['clerk'])]);
  protected readonly groups = linkedSignal(() => (this.user()?.groups ?? []).join(', '));
  private readonly parsedGroups = computed(() => parseGroups(this.groups()));

  protected zoneLabel(zone: ZoneId): string {
    return zoneName(zone);
  }

  protected valueOf(event: Event): string {
    return (event.target as HTMLInputElement | HTMLSelectElement).value;
  }

  protected toggle(role: Role, event: Event): void {
    const checked = (event.target as HTMLInputElement).checked;
    this.roles.update((roles) => (checked ? ROLES.filter((r) => r === role || roles.includes(r)) : roles.filter((r) => r !== role)));
  }

  protected submit(event: Event): void {
    event.preventDefault();
    const fields = { name: this.name().trim(), zoneId: this.zoneId() as ZoneId, roles: this.roles(), groups: this.parsedGroups() };
    const user = this.user();
    if (user) this.save.emit({ kind: 'update', id: user.id, change: fields });
    else this.save.emit({ kind: 'create', request: { id: this.id().trim(), password: this.password(), ...fields } });
  }
}
