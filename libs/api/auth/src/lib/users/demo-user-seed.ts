import bcrypt from 'bcryptjs';
import { DEMO_PASSWORD, demoUsers } from './demo-users';
import type { UserDirectory } from './user-directory';

const SEED_NAME = 'demo-users';

/** Adds the demo users once per data dir; returns how many were added (0 on a restart). */
export async function seedDemoUsers(directory: UserDirectory): Promise<number> {
  if (directory.hasSeeded(SEED_NAME)) return 0;
  // One hash for all: the demo users share one well-known password.
  const passwordHash = await bcrypt.hash(DEMO_PASSWORD, 10);
  const added = directory.addMissing(demoUsers().map((u) => ({ ...u, passwordHash })));
  directory.markSeeded(SEED_NAME);
  return added;
}
