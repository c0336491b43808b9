import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { Router, RouterLink, RouterLinkActive, RouterOutlet } from '@angular/router';
import { AuthSession } from '@banjie/web-data-access';

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

  protected logout(): void {
    this.session.logout();
    void this.router.navigate(['/login']);
  }
}
