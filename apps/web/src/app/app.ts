import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { Router, RouterLink, RouterLinkActive, RouterOutlet } from '@angular/router';
import { AuthSession } from '@banjie/web-data-access';
import { mayOpen, type AppPage } from './role-landing';

/** The app shell: the top bar with the sections and the signed-in user, and the page below. */
@Component({
  selector: 'bj-root',
  imports: [RouterOutlet, RouterLink, RouterLinkActive],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './app.html',
  styleUrl: './app.css',
})
export class App {
  protected readonly session = inject(AuthSession);
  private readonly router = inject(Router);

  /** The menu offers only the pages the user's roles may use (an applicant: 我的申请 alone). */
  protected may(page: AppPage): boolean {
    return mayOpen(this.session.user(), page);
  }

  protected logout(): void {
    this.session.signOut().subscribe(() => void this.router.navigate(['/login']));
  }
}
