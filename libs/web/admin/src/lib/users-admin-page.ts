import { ChangeDetectionStrategy, Component, computed, inject, linkedSignal, signal } from '@angular/core';
import { takeUntilDestroyed, toObservable } from '@angular/core/rxjs-interop';
import type { ManagedUserView, ZoneId } from '@banjie/contracts';
import { AuthSession, UsersApi, toApiProblem, type ApiProblem } from '@banjie/web-data-access';
import { ProblemList } from '@banjie/web-ui';
import { catchError, combineLatest, of, switchMap } from 'rxjs';
import { UserForm, type UserFormSave } from './user-form';
import { ROLE_LABELS, managedZones, zoneName } from './user-labels';

/** Where a save stands: under way, refused with the server's problem, or done with a message. */
interface SaveState {
  busy: boolean;
  problem: ApiProblem | null;
  result: string | null;
}

const IDLE: SaveState = { busy: false, problem: null, result: null };
/** The zone filter's value for every zone (province admin only). */
const ALL = '';

/**
 * 用户 Users: the users an admin manages (its zone's, or every zone's for the province admin),
 * with a form to create one, edit its name, zone, roles and groups, and deactivate or reactivate
 * it (a deactivated user's tokens stop working at once).
 */
@Component({
  selector: 'bj-users-admin-page',
  imports: [ProblemList, UserForm],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './users-admin-page.html',
  styleUrl: './users-admin-page.css',
})
export class UsersAdminPage {
  private readonly usersApi = inject(UsersApi);
  private readonly session = inject(AuthSession);

  protected readonly roleLabels = ROLE_LABELS;
  protected readonly zoneChoices = computed(() => managedZones(this.session.user()?.zoneId));
  /** Admins cannot deactivate themselves: their own row offers no such button. */
  protected readonly selfId = computed(() => this.session.user()?.id);
  protected readonly provinceAdmin = computed(() => this.session.user()?.zoneId === 'province');
  /** The zone listed; every zone (`''`) for the province admin at first. */
  protected readonly zoneFilter = linkedSignal<string>(() => (this.provinceAdmin() ? ALL : this.zoneChoices()[0]));
  private readonly reloads = signal(0);
  protected readonly users = signal<ManagedUserView[]>([]);
  protected readonly loading = signal(true);
  protected readonly loadProblem = signal<ApiProblem | null>(null);
  protected readonly editing = signal<ManagedUserView | null>(null);
  protected readonly create = signal<SaveState>(IDLE);
  protected readonly edit = signal<SaveState>(IDLE);
  protected readonly rowState = signal<SaveState>(IDLE);

  constructor() {
    combineLatest([toObservable(this.zoneFilter), toObservable(this.reloads)])
      .pipe(
        switchMap(([zone]) => {
          this.loading.set(true);
          return this.usersApi.listManaged(zone || undefined).pipe(
            catchError((failure: unknown) => {
              this.loadProblem.set(toApiProblem(failure));
              return of([] as ManagedUserView[]);
            }),
          );
        }),
        takeUntilDestroyed(),
      )
      .subscribe((users) => {
        this.users.set(users);
        this.loading.set(false);
      });
  }

  protected zoneLabel(zone: ZoneId): string {
    return zoneName(zone);
  }

  protected pickZone(event: Event): void {
    this.zoneFilter.set((event.target as HTMLSelectElement).value);
  }

  protected startEdit(user: ManagedUserView): void {
    this.edit.set(IDLE);
    this.editing.set(user);
  }

  protected save(save: UserFormSave): void {
    if (save.kind === 'create') {
      this.create.set({ ...IDLE, busy: true });
      this.usersApi.create(save.request).subscribe({
        next: (user) => {
          this.create.set({ ...IDLE, result: `已创建用户 ${user.id}（${user.name}）Created user ${user.id}` });
          this.show(user);
        },
        error: (failure: unknown) => this.create.set({ ...IDLE, problem: toApiProblem(failure) }),
      });
      return;
    }
    this.edit.set({ ...IDLE, busy: true });
    this.usersApi.update(save.id, save.change).subscribe({
      next: (user) => {
        this.edit.set(IDLE);
        this.editing.set(null);
        this.rowState.set({ ...IDLE, result: `已保存 ${user.id} Saved` });
        this.show(user);
      },
      error: (failure: unknown) => this.edit.set({ ...IDLE, problem: toApiProblem(failure) }),
    });
  }

  protected setActive(user: ManagedUserView, active: boolean): void {
    this.rowState.set({ ...IDLE, busy: true });
    this.usersApi.update(user.id, { active }).subscribe({
      next: (changed) => {
        this.rowState.set({ ...IDLE, result: active ? `已启用 ${changed.id} Reactivated` : `已停用 ${changed.id}，其登录已失效 Deactivated; its sessions ended` });
        this.show(changed);
      },
      error: (failure: unknown) => this.rowState.set({ ...IDLE, problem: toApiProblem(failure) }),
    });
  }

  /** Puts the user into the list as the server answered it, or drops it when it left the zone listed. */
  private show(user: ManagedUserView): void {
    const zone = this.zoneFilter();
    const listed = zone === ALL || zone === user.zoneId;
    this.users.update((users) => {
      const others = users.filter((u) => u.id !== user.id);
      return listed ? [...others, user].sort((a, b) => a.zoneId.localeCompare(b.zoneId) || a.id.localeCompare(b.id)) : others;
    });
  }
}
