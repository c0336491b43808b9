import { execFileSync } from 'node:child_process';
import { WORKSPACE_ROOT } from './suite-state';

/** Runs the offline verifier (`npm run verify -- …`) from the workspace, answering its exit status and output. */
export function runVerifier(args: string[]): { status: number; output: string } {
  try {
    const output = execFileSync('npm', ['run', '--silent', 'verify', '--', ...args], { cwd: WORKSPACE_ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    return { status: 0, output };
  } catch (error) {
    const failed = error as { status?: number; stdout?: string; stderr?: string };
    return { status: failed.status ?? -1, output: `${failed.stdout ?? ''}${failed.stderr ?? ''}` };
  }
}
